#!/usr/bin/python3
"""Builds the codebook tables under data/codebook/ from the CAMEO lookups in shared/data/cameo.

Run:  /usr/bin/python3 scripts/codebook/build_cameo.py [SHARED_DATA_DIR]
      (default SHARED_DATA_DIR: the shared/data folder beside the repository)

A generator run by hand when the codebook changes, not part of the build or of `make test`: it
reads the project's shared data folder, which a user's clone does not have. The build compiles
the tables it wrote; the tests check them against the copies in tests/data/cameo/.

Writes, deterministically (re-running gives the same bytes):
  data/codebook/cameo_events.tsv     code, root, quad_class, goldstein, channel, description, origin
  data/codebook/cameo_countries.tsv  code, label
  data/codebook/icews_countries.tsv  icews_name, code

The channel of every CAMEO code is an analytic choice made in this file (CHANNEL_RULES below),
so that it can be reviewed in one place; data/codebook/README.md explains the rule.
"""
import csv
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(REPO, "data", "codebook")

# ---------------------------------------------------------------------------------------------
# Channels.  Rule: a code is
#   security   if it is material force or coercion (roots 15 force posture, 17 coerce, 18 assault,
#              19 fight, 20 mass violence), or if its object is military: military cooperation,
#              military aid, military protection or peacekeeping, intelligence, military
#              engagement (de-escalation, ceasefire, truce, demobilisation, retreat, blockade),
#              or the threat of force or repression (137, 138x);
#   economic   if its object is economic: economic cooperation or exchange (trade), economic aid,
#              economic sanctions, boycotts and embargoes, or their easing;
#   diplomatic otherwise (statements, consultation, diplomatic and judicial cooperation, political
#              reform, humanitarian aid, protests, accusations, investigations, and every
#              "not specified below" parent whose leaves split into economic and military).
# Appeals (02), intents (03), demands (10), rejections (12) and threats (13) follow their object.
# ---------------------------------------------------------------------------------------------
SECURITY_ROOTS = {15, 17, 18, 19, 20}

ECONOMIC = {
    "0211",  # appeal for economic cooperation
    "0231",  # appeal for economic aid
    "0254",  # appeal for easing of economic sanctions, boycott, or embargo
    "0311",  # intent to cooperate economically
    "0331",  # intent to provide economic aid
    "0354",  # intent to ease economic sanctions, boycott, or embargo
    "061",  # cooperate economically (trade and other economic exchange)
    "071",  # provide economic aid
    "085",  # ease economic sanctions, boycott, embargo
    "1011",  # demand economic cooperation
    "1031",  # demand economic aid
    "1054",  # demand easing of economic sanctions, boycott, or embargo
    "1211",  # reject economic cooperation
    "1221",  # reject request for economic aid
    "1244",  # refuse to ease economic sanctions, boycott, or embargo
    "1312",  # threaten to boycott, embargo, or sanction
    "1621",  # reduce or stop economic assistance
    "163",  # impose embargo, boycott, or sanctions
}

SECURITY = {
    "0212", "0214", "0232", "0234", "0256",  # appeals: military coop, intelligence, aid,
                                             # protection/peacekeeping, military de-escalation
    "0312", "0314", "0332", "0334", "0356",  # intents, same objects
    "062",  # cooperate militarily
    "072", "074",  # provide military aid, military protection or peacekeeping
    "0861",  # receive deployment of peacekeepers
    "087", "0871", "0872", "0873", "0874",  # de-escalate: truce, ease blockade, demobilise, retreat
    "1012", "1014", "1032", "1034", "1056",  # demands, same objects as the appeals
    "1212", "1222", "1224", "1246",  # rejections, same objects
    "137",  # threaten with (violent) repression; mirrors 175
    "138", "1381", "1382", "1383", "1384", "1385",  # threaten to use military force
    "1622",  # reduce or stop military assistance
    "1661",  # expel or withdraw peacekeepers
}

# Codes whose channel a reviewer may reasonably dispute; listed in README.md with the reason.
DOUBTFUL = {
    "021", "023", "031", "033", "060", "070", "101", "103", "121", "122", "162",  # unspecified
    "064", "0214", "0314", "1014",  # intelligence
    "093", "0862", "1662",  # investigations, inspectors
    "1311",  # threaten to stop aid (any kind)
    "137", "139",  # repression threats, ultimatum
    "143",  # strike or boycott by protesters
    "171", "1711", "172", "1721", "1722", "1723", "1724", "173", "174",  # non-military coercion
    "0233", "0333", "073", "1033", "1223", "1623",  # humanitarian aid
    "057",  # sign formal agreement (trade agreements included)
}


def channel_of(code):
    if code in ECONOMIC:
        return "economic"
    if code in SECURITY or int(code[:2]) in SECURITY_ROOTS:
        return "security"
    return "diplomatic"


def quad_class_of_root(root):
    # GDELT's grouping (DESIGN.md): 01-05 verbal coop, 06-09 material coop, 10-14 verbal conflict,
    # 15-20 material conflict.
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 9:
        return 2
    if 10 <= root <= 14:
        return 3
    if 15 <= root <= 20:
        return 4
    raise ValueError(root)


# GDELT's CAMEO.eventcodes.txt labels that contradict the CAMEO manual (v1.1b3, as tabulated in
# andybega/icews data-raw/cameo-codes.csv): the sub-codes 1011-1014 and 1051-1056 show that
# 101 is "material cooperation" and 105 "yield", and 106-108 follow the parallel pattern of
# 026-028 / 036-039 / 125-127.  Coders (TABARI, PETRARCH) assign codes by the manual, so the
# manual's name is used; GDELT's label is kept in README.md.
MANUAL_NAMES = {
    "101": "Demand material cooperation, not specified below",
    "105": "Demand that target yields, not specified below",
    "106": "Demand meeting, negotiation",
    "107": "Demand settling of dispute",
    "108": "Demand mediation",
}

# Text repairs of the spark-gdelt copy (mojibake of GDELT's curly quotes).
REPAIRS = {"044": "Meet at a 'third' location"}


def read_tab(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    return [line.split("\t") for line in lines[1:] if line.strip()]


def build_events(shared):
    goldstein = {}
    for code, value in read_tab(os.path.join(shared, "cameo/gdelt-lookups/CAMEO.goldsteinscale.txt")):
        goldstein[code] = float(value)

    described = {}
    for fields in read_tab(os.path.join(shared, "cameo/spark-gdelt/cameoEvent.txt")):
        code, text = fields[0], fields[1].strip()
        # The spark-gdelt copy lost the line break before 106: the line reads
        # "1056\tDemand de-escalation of military engagement106:[-5.0] Demand withdrawal".
        if code == "1056" and "106:" in text:
            text, rest = text.split("106:", 1)
            described["106"] = (rest.split("]", 1)[1].strip(), "gdelt-goldstein")
        described[code] = (text, "gdelt")

    with open(os.path.join(shared, "cameo/icews-r/cameo-codes.csv"), encoding="latin-1") as f:
        icews = {row["code"]: row for row in csv.DictReader(f)}

    missing = sorted(set(goldstein) ^ set(described))
    if missing:
        sys.exit(f"codes not in both GDELT lookups: {missing}")

    # 1213 "Reject judicial cooperation" is in the CAMEO manual table (icews-r) but in neither GDELT
    # lookup; GDELT 2.0 does emit it (with an empty GoldsteinScale), so it is kept, with the
    # manual's Goldstein value.
    extra = {"1213": (icews["1213"]["name"], float(icews["1213"]["goldstein"]), "cameo-manual")}

    rows = []
    for code in sorted(set(described) | set(extra), key=lambda c: c):
        if code in extra:
            text, value, origin = extra[code]
        else:
            text, origin = described[code]
            value = goldstein[code]
        text = MANUAL_NAMES.get(code, REPAIRS.get(code, text))
        root = int(code[:2])
        rows.append((code, f"{root:02d}", str(quad_class_of_root(root)), f"{value:.1f}",
                     channel_of(code), text, origin))
    return rows, goldstein, icews


REGIONS = {"WSB", "BAG", "GZS", "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN",
           "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS",
           "SEA", "SAF", "WAF", "WST"}

# ICEWS spellings that differ from the CAMEO label (ICEWS releases on Dataverse, 1995-2023).
ICEWS_ALIASES = {
    "Russian Federation": "RUS",
    "Colombia": "COL",  # CAMEO's label is misspelt "Columbia"
    "Congo": "COG",
    "Republic of Congo": "COG",
    "Democratic Republic of Congo": "COD",
    "Congo, The Democratic Republic of the": "COD",
    "Cote d'Ivoire": "CIV",
    "Côte d'Ivoire": "CIV",
    "Holy See": "VAT",
    "Moldova, Republic of": "MDA",
    "the former Yugoslav Republic of Macedonia": "MKD",
    "North Macedonia": "MKD",
    "Timor-Leste": "TMP",
    "East Timor": "TMP",
    "Brunei": "BRN",
    "Cabo Verde": "CPV",
    "Eswatini": "SWZ",
    "Iran, Islamic Republic of": "IRN",
    "Korea, Republic of": "KOR",
    "Korea, Democratic People's Republic of": "PRK",
    "Syrian Arab Republic": "SYR",
    "Lao People's Democratic Republic": "LAO",
    "Viet Nam": "VNM",
    "Libyan Arab Jamahiriya": "LBY",
    "Tanzania, United Republic of": "TZA",
    "Venezuela, Bolivarian Republic of": "VEN",
    "Bolivia, Plurinational State of": "BOL",
    "Micronesia, Federated States of": "FSM",
    "Macau": "MAC",
    "Burma": "MMR",
    "Czechia": "CZE",
    "Saint Kitts and Nevis": "KNA",
    "Reunion": "REU",
    "Réunion": "REU",
    "Palestine": "PSE",
    "Palestinian Territory, Occupied": "PSE",
    "United States of America": "USA",
    "Great Britain": "GBR",
    "Faroe Islands": "FRO",
    "Serbia and Montenegro": "SRB",
    "Yugoslavia": "SRB",
}


def build_countries(shared):
    countries = [tuple(f[:2]) for f in read_tab(os.path.join(shared, "cameo/spark-gdelt/cameoCountry.txt"))]
    codes = {c for c, _ in countries}
    # GDELT added South Sudan after spark-gdelt's copy was taken; GDELT 2.0 rows use SSD.
    for code, label in read_tab(os.path.join(shared, "cameo/gdelt-lookups/CAMEO.country.txt")):
        if code not in codes and code != "0":
            countries.append((code, label))
            codes.add(code)
    # The spark-gdelt copy dropped the accented letter of Réunion.
    countries = [(c, "Réunion" if c == "REU" else label) for c, label in countries]

    names = {}
    for code, label in countries:
        if code not in REGIONS:
            names[label] = code
    for name, code in ICEWS_ALIASES.items():
        assert code in codes, code
        names[name] = code
    lowered = {}
    for name, code in names.items():
        key = name.lower()
        if key in lowered and lowered[key] != code:
            sys.exit(f"ICEWS name {name!r} maps to two codes")
        lowered[key] = code
    return countries, sorted(names.items(), key=lambda kv: kv[0].lower())


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            assert all("\t" not in x and "\n" not in x for x in row), row
            f.write("\t".join(row) + "\n")


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(REPO), "shared", "data")
    os.makedirs(OUT, exist_ok=True)
    rows, goldstein, icews = build_events(shared)
    write_tsv(os.path.join(OUT, "cameo_events.tsv"),
              ["code", "root", "quad_class", "goldstein", "channel", "description", "origin"], rows)
    countries, names = build_countries(shared)
    write_tsv(os.path.join(OUT, "cameo_countries.tsv"), ["code", "label"], countries)
    write_tsv(os.path.join(OUT, "icews_countries.tsv"), ["icews_name", "code"], names)

    # Report for README.md: channel counts, Goldstein disagreements with the CAMEO manual table.
    counts = {}
    for r in rows:
        counts[r[4]] = counts.get(r[4], 0) + 1
    print("codes:", len(rows), counts)
    for code in sorted(goldstein):
        if code in icews and float(icews[code]["goldstein"]) != goldstein[code]:
            print(f"goldstein differs: {code} GDELT {goldstein[code]} manual {icews[code]['goldstein']}")
    only_manual = sorted(set(icews) - set(goldstein))
    print("in manual table only:", only_manual)
    print("doubtful:", ", ".join(f"{c}={channel_of(c)}" for c in sorted(DOUBTFUL)))


if __name__ == "__main__":
    main()
