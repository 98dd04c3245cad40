# kind, id, name, start, end, country, source
rows = []
def add(kind, id_, name, start, end, country, source):
    rows.append((kind, id_, name, start, end or start, country, source))

SRC_US = "US Federal Election Commission, Federal Elections results; 2028 by 3 U.S.C. 1 (Tuesday after the first Monday in November)"
for y, d in [(2016,"2016-11-08"),(2020,"2020-11-03"),(2024,"2024-11-05"),(2028,"2028-11-07")]:
    add("US presidential election", f"us-president-{y}", f"US presidential election {y}", d, "", "USA", SRC_US)
for y, d in [(2018,"2018-11-06"),(2022,"2022-11-08"),(2026,"2026-11-03")]:
    add("US midterm election", f"us-midterm-{y}", f"US midterm election {y}", d, "", "USA", "US Federal Election Commission; 2 U.S.C. 7")
for y, d in [(2017,"2017-10-22"),(2021,"2021-10-31"),(2024,"2024-10-27")]:
    add("Japan lower house election", f"jp-lower-{y}", f"Japan House of Representatives election {y}", d, "", "JPN", "Ministry of Internal Affairs and Communications (soumu.go.jp), general election results")
for y, d in [(2016,"2016-07-10"),(2019,"2019-07-21"),(2022,"2022-07-10"),(2025,"2025-07-20")]:
    add("Japan upper house election", f"jp-upper-{y}", f"Japan House of Councillors election {y}", d, "", "JPN", "Ministry of Internal Affairs and Communications (soumu.go.jp), ordinary election results")
for y, d, who in [(2018,"2018-09-20","Abe re-elected"),(2020,"2020-09-14","Suga elected"),(2021,"2021-09-29","Kishida elected"),(2024,"2024-09-27","Ishiba elected"),(2025,"2025-10-04","Takaichi elected")]:
    add("LDP presidential election", f"ldp-president-{y}", f"LDP presidential election {y} ({who})", d, "", "JPN", "Liberal Democratic Party of Japan (jimin.jp), presidential election announcements")
for y, d in [(2016,"2016-01-16"),(2020,"2020-01-11"),(2024,"2024-01-13")]:
    add("Taiwan presidential election", f"tw-president-{y}", f"Taiwan presidential election {y}", d, "", "TWN", "Central Election Commission (cec.gov.tw), election results")
for y, d, note in [(2017,"2017-05-09"," (early, after the impeachment)"),(2022,"2022-03-09",""),(2025,"2025-06-03"," (early, after the impeachment)")]:
    add("South Korea presidential election", f"kr-president-{y}", f"South Korea presidential election {y}{note}", d, "", "KOR", "National Election Commission (nec.go.kr), election results")
add("CCP national congress", "ccp-congress-19", "19th National Congress of the CCP", "2017-10-18", "2017-10-24", "CHN", "Xinhua, congress opening and closing reports")
add("CCP national congress", "ccp-congress-20", "20th National Congress of the CCP", "2022-10-16", "2022-10-22", "CHN", "Xinhua, congress opening and closing reports")
plenums = [
 ("18-5","5th plenary session of the 18th Central Committee","2015-10-26","2015-10-29"),
 ("18-6","6th plenary session of the 18th Central Committee","2016-10-24","2016-10-27"),
 ("18-7","7th plenary session of the 18th Central Committee","2017-10-11","2017-10-14"),
 ("19-2","2nd plenary session of the 19th Central Committee","2018-01-18","2018-01-19"),
 ("19-3","3rd plenary session of the 19th Central Committee","2018-02-26","2018-02-28"),
 ("19-4","4th plenary session of the 19th Central Committee","2019-10-28","2019-10-31"),
 ("19-5","5th plenary session of the 19th Central Committee","2020-10-26","2020-10-29"),
 ("19-6","6th plenary session of the 19th Central Committee","2021-11-08","2021-11-11"),
 ("19-7","7th plenary session of the 19th Central Committee","2022-10-09","2022-10-12"),
 ("19-1","1st plenary session of the 19th Central Committee","2017-10-25","2017-10-25"),
 ("20-1","1st plenary session of the 20th Central Committee","2022-10-23","2022-10-23"),
 ("20-2","2nd plenary session of the 20th Central Committee","2023-02-26","2023-02-28"),
 ("20-3","3rd plenary session of the 20th Central Committee","2024-07-15","2024-07-18"),
 ("20-4","4th plenary session of the 20th Central Committee","2025-10-20","2025-10-23"),
]
for id_, name, s, e in plenums:
    add("CCP plenum", f"ccp-plenum-{id_}", name, s, e, "CHN", "Xinhua, plenary session communiqués")
apec = [(2015,"Manila","2015-11-18","2015-11-19"),(2016,"Lima","2016-11-19","2016-11-20"),(2017,"Da Nang","2017-11-10","2017-11-11"),
        (2018,"Port Moresby","2018-11-17","2018-11-18"),(2020,"virtual, Malaysia","2020-11-20","2020-11-20"),(2021,"virtual, New Zealand","2021-11-12","2021-11-12"),
        (2022,"Bangkok","2022-11-18","2022-11-19"),(2023,"San Francisco","2023-11-16","2023-11-17"),(2024,"Lima","2024-11-15","2024-11-16"),
        (2025,"Gyeongju","2025-10-31","2025-11-01")]
for y, where, s, e in apec:
    add("APEC leaders' meeting", f"apec-{y}", f"APEC Economic Leaders' Meeting {y} ({where})", s, e, "", "APEC Secretariat (apec.org), leaders' declarations; 2019 Santiago meeting cancelled")
g7 = [(2015,"Elmau","2015-06-07","2015-06-08"),(2016,"Ise-Shima","2016-05-26","2016-05-27"),(2017,"Taormina","2017-05-26","2017-05-27"),
      (2018,"Charlevoix","2018-06-08","2018-06-09"),(2019,"Biarritz","2019-08-24","2019-08-26"),(2021,"Carbis Bay","2021-06-11","2021-06-13"),
      (2022,"Elmau","2022-06-26","2022-06-28"),(2023,"Hiroshima","2023-05-19","2023-05-21"),(2024,"Apulia","2024-06-13","2024-06-15"),
      (2025,"Kananaskis","2025-06-15","2025-06-17")]
for y, where, s, e in g7:
    add("G7 summit", f"g7-{y}", f"G7 summit {y} ({where})", s, e, "", "G7 presidency communiqués (G7 Research Group, g7.utoronto.ca); 2020 summit not held in person")
g20 = [(2015,"Antalya","2015-11-15","2015-11-16"),(2016,"Hangzhou","2016-09-04","2016-09-05"),(2017,"Hamburg","2017-07-07","2017-07-08"),
       (2018,"Buenos Aires","2018-11-30","2018-12-01"),(2019,"Osaka","2019-06-28","2019-06-29"),(2020,"Riyadh, virtual","2020-11-21","2020-11-22"),
       (2021,"Rome","2021-10-30","2021-10-31"),(2022,"Bali","2022-11-15","2022-11-16"),(2023,"New Delhi","2023-09-09","2023-09-10"),
       (2024,"Rio de Janeiro","2024-11-18","2024-11-19"),(2025,"Johannesburg","2025-11-22","2025-11-23")]
for y, where, s, e in g20:
    add("G20 summit", f"g20-{y}", f"G20 leaders' summit {y} ({where})", s, e, "", "G20 presidency leaders' declarations (G20 Research Group, g20.utoronto.ca)")
brics = [(2015,"Ufa","2015-07-08","2015-07-09"),(2016,"Goa","2016-10-15","2016-10-16"),(2017,"Xiamen","2017-09-03","2017-09-05"),
         (2018,"Johannesburg","2018-07-25","2018-07-27"),(2019,"Brasilia","2019-11-13","2019-11-14"),(2020,"virtual","2020-11-17","2020-11-17"),
         (2021,"virtual","2021-09-09","2021-09-09"),(2022,"virtual","2022-06-23","2022-06-23"),(2023,"Johannesburg","2023-08-22","2023-08-24"),
         (2024,"Kazan","2024-10-22","2024-10-24"),(2025,"Rio de Janeiro","2025-07-06","2025-07-07")]
for y, where, s, e in brics:
    add("BRICS summit", f"brics-{y}", f"BRICS summit {y} ({where})", s, e, "", "BRICS chair declarations (BRICS Information Centre, brics.utoronto.ca)")
quad = [("2021-03","virtual","2021-03-12"),("2021-09","Washington","2021-09-24"),("2022-03","virtual","2022-03-03"),("2022-05","Tokyo","2022-05-24"),
        ("2023-05","Hiroshima","2023-05-20"),("2024-09","Wilmington","2024-09-21")]
for id_, where, d in quad:
    add("Quad leaders' summit", f"quad-{id_}", f"Quad leaders' summit {id_[:4]} ({where})", d, "", "", "joint statements of the Quad leaders (White House, MOFA Japan)")
asean = [(2015,"27th","Kuala Lumpur","2015-11-18","2015-11-22"),(2016,"28th-29th","Vientiane","2016-09-06","2016-09-08"),
         (2017,"31st","Manila","2017-11-12","2017-11-14"),(2018,"33rd","Singapore","2018-11-13","2018-11-15"),
         (2019,"35th","Bangkok","2019-11-02","2019-11-04"),(2020,"37th","virtual, Viet Nam","2020-11-12","2020-11-15"),
         (2021,"38th-39th","virtual, Brunei","2021-10-26","2021-10-28"),(2022,"40th-41st","Phnom Penh","2022-11-10","2022-11-13"),
         (2023,"43rd","Jakarta","2023-09-05","2023-09-07"),(2024,"44th-45th","Vientiane","2024-10-08","2024-10-11"),
         (2025,"47th","Kuala Lumpur","2025-10-26","2025-10-28")]
for y, n, where, s, e in asean:
    add("ASEAN summit", f"asean-{y}", f"{n} ASEAN Summit with the East Asia Summit {y} ({where})", s, e, "", "ASEAN Secretariat (asean.org), chairman's statements; the year's summit with the East Asia Summit")
import csv, sys
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["kind","id","name","start","end","country","source"])
for r in sorted(rows, key=lambda r: (r[3], r[1])):
    w.writerow(r)
