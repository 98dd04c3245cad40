// The English catalog: the texts triad has always printed (tests compare them byte for byte).
// See messages.hpp for the conventions; every key here must exist in every other catalog.
#include "outputs/message_catalogs.hpp"

namespace triad::catalogs {
namespace {

constexpr MessageEntry kEnglish[] = {
    // Shared words.
    {"common.n_a", "n/a"},
    {"common.note_prefix", "note: "},
    {"common.warning_prefix", "warning: "},
    {"type.menage_a_trois", "ménage à trois"},
    {"type.romantic_triangle", "romantic triangle"},
    {"type.stable_marriage", "stable marriage"},
    {"type.unit_veto", "unit veto"},
    {"type.indeterminate", "indeterminate"},
    {"type.unknown", "unknown"},
    {"roles.romantic", "{}, pivot {}, wings {} and {}"},
    {"roles.stable", "{} {}–{}, outcast {}"},
    {"roles.romantic_details", "pivot {}, wings {} and {}"},
    {"roles.stable_details", "married pair {}–{}, outcast {}"},
    {"direction.improving", "improving"},
    {"direction.deteriorating", "deteriorating"},
    {"direction.steady", "steady"},
    {"freq.day", "day"},
    {"freq.week", "week"},
    {"freq.month", "month"},
    {"freq.year", "year"},
    {"freq_adjective.day", "daily"},
    {"freq_adjective.week", "weekly"},
    {"freq_adjective.month", "monthly"},
    {"freq_adjective.year", "yearly"},
    {"periods.day.one", "{} day"},
    {"periods.day.other", "{} days"},
    {"periods.week.one", "{} week"},
    {"periods.week.other", "{} weeks"},
    {"periods.month.one", "{} month"},
    {"periods.month.other", "{} months"},
    {"periods.year.one", "{} year"},
    {"periods.year.other", "{} years"},
    {"basis.smoothed_levels", "smoothed levels"},
    {"basis.raw_indices", "raw indices"},
    {"persist.rule.one", "most likely with P > {:g} for {} period in a row"},
    {"persist.rule.other", "most likely with P > {:g} for {} periods in a row"},
    {"persist.current", "persistent structure: {} since {} ({})"},
    {"persist.none", "no structure has persisted in the range ({})"},
    {"persist.pending", "; not yet a change: {}, most likely for {} of {} periods, since {}"},

    // triad status (the table).
    {"status.heading", " as of {} ({} relation index from {}: {})\n"},
    {"status.source_events", "events"},
    {"status.column_dyad", "dyad"},
    {"status.column_level", "level now [90% interval]"},
    {"status.column_latest", "latest {} index (s.e.)"},
    {"status.column_change", "change {}"},
    {"status.column_momentum", "momentum /30 days [90% interval]"},
    {"status.column_events", "events {}"},
    {"status.column_values", "values {}"},
    {"status.interval_unknown", "{} [interval unknown]"},
    {"status.se", "s.e. {:.2f}"},
    {"status.se_unknown", "s.e. unknown"},
    {"status.latest", "{} ({}) {}"},
    {"status.level_legend",
     "level: the smoothed level of the local linear trend on the as-of {0}; latest index: that "
     "{0}'s raw value\n"},
    {"status.triangle", "\ntriangle  {} (P = {:.2f})\n          {}\n"},
    {"status.type_probability", " P({}) {:.2f}"},
    {"status.neutral_probability", " P(neutral) {:.2f}"},
    {"status.balanced_probability", "; P(balanced) {:.2f}\n"},
    {"status.triangle_basis",
     "          from the {}; changes of the persistent structure in the range: {} ({} period to "
     "period)\n"},
    {"status.drivers",
     "\ndrivers (VAR({}) over the indices and the essay's drivers; see 'triad explain')\n"},
    {"status.no_drivers_reason", "none could be built"},
    {"status.no_drivers", "  no driver series ({}): the VAR is over the dyads alone\n"},
    {"status.shares_without_drivers", "  {:<8} own momentum {:.0f}%, other dyads {:.0f}%\n"},
    {"status.shares",
     "  {:<8} own momentum {:.0f}%, top driver {} {:.0f}%; Granger-caused by:{}\n"},
    {"status.granger_driver", " {} (p {:.3f})"},
    {"status.granger_none", " none at 5%"},

    // The HTML report. Keys ending in .html are markup (or hold an apostrophe, which the
    // escaper would rewrite); the others are escaped where they are put into the page.
    {"common.period", "period"},
    {"common.and", " and "},
    {"common.comma", ", "},
    {"direction.unknown", "unknown"},
    {"report.default_title", "triad report"},
    {"report.meta_actors", "Actors {}"},
    {"report.meta_series", " · {} series"},
    {"report.meta_series_by", " · series by {}"},
    {"report.meta_index", " · index: {}"},
    {"report.meta_generated", " · generated {}"},
    {"report.nav_relations", "Relations"},
    {"report.nav_triangle", "Triangle"},
    {"report.nav_drivers", "Drivers"},
    {"report.nav_scenario", "Scenario"},
    {"report.nav_evaluation", "Forecast skill"},
    {"report.nav_provenance", "Provenance"},
    {"report.summary", "Summary"},
    {"report.summary_note",
     "Each dyad: its smoothed level with its 90% interval, and its momentum (the smoothed slope) "
     "per 30 days with a 90% interval."},
    {"report.provenance", "Provenance"},
    {"report.warnings", "Warnings"},
    {"report.input_files", "Input files"},
    {"report.column_file", "file"},
    {"report.column_rows", "rows"},
    {"report.column_accepted", "accepted"},
    {"report.column_rejected", "rejected"},
    {"report.column_first_event", "first event"},
    {"report.column_last_event", "last event"},
    {"report.row_store", "store"},
    {"report.row_command_line", "command line"},
    {"report.row_triad_version", "triad version"},
    {"report.row_generated", "generated"},
    {"report.footer.html",
     "<footer>Relation index: weighted event scores per dyad and period. Level and momentum: "
     "local linear trend model, Kalman smoother (Durbin &amp; Koopman, <i>Time Series Analysis "
     "by State Space Methods</i>). Triangle types: Heider's balance and Dittmer (1981), "
     "&ldquo;The Strategic Triangle&rdquo;, <i>World Politics</i> 33(4). Drivers: vector "
     "autoregression (L&uuml;tkepohl, <i>New Introduction to Multiple Time Series "
     "Analysis</i>). Made by triad; this file needs no network connection.</footer>\n"},
    // The report's summary sentences.
    {"summary.dyad", "{}: "},
    {"summary.no_data", "no data."},
    {"summary.level", "{}{} on {}"},
    {"summary.level_interval", " ± {} (90% interval)"},
    {"summary.momentum", ", {} ({} per 30 days{})"},
    {"summary.momentum_interval", ", 90% interval {}..{}"},
    {"summary.above_floor", "; above its floor of {}"},
    {"summary.below_floor", "; below its floor of {}"},
    {"summary.end", "."},
    {"summary.separator", "; "},
    {"summary.unknown_type", "of unknown type"},
    {"summary.roles", " ({})"},
    {"summary.triangle", "Triangle {}–{}–{} on {}: {}"},
    {"summary.probability", ", probability {}"},
    {"summary.since", "; most likely since {} (before: {})"},
    {"summary.drivers", "What moves each dyad ({}-{} forecast variance): "},
    {"summary.share_own", "{} own"},
    {"summary.then", ", then "},
    {"summary.share_top", "{}{} {}"},
    {"summary.scenario", "Scenario"},
    {"summary.scenario_name", " \"{}\""},
    {"summary.with_levers", "{}: {} with the levers"},
    {"summary.without_levers", " vs {} without"},
    {"summary.no_on_track", ": no on-track probabilities computed."},
    {"summary.on_track", ": chance of staying on track — "},
    {"summary.warnings.one", "{} warning about the data: see Provenance."},
    {"summary.warnings.other", "{} warnings about the data: see Provenance."},
    // The report's relations and triangle.
    {"relations.heading", "Relations"},
    {"relations.note",
     "Grey dots: the measured index per period, with its 90% interval as whiskers (± 1.645 "
     "standard errors). Line and band: the Kalman-smoothed level of a local linear trend model "
     "and its 90% band. Below each: the momentum, the smoothed slope."},
    {"relations.axis_index", "index"},
    {"relations.axis_per_30_days", "per 30 days"},
    {"relations.point_se", " (s.e. {})"},
    {"relations.level_line", "{} smoothed level"},
    {"relations.momentum_line", "{} momentum"},
    {"relations.index_chart", "{} relation index and smoothed level"},
    {"relations.legend_index", "index (90% whiskers)"},
    {"relations.legend_level", "smoothed level"},
    {"relations.legend_band", "90% band"},
    {"relations.legend_floor", "floor {}"},
    {"relations.legend_calendar", "election or summit (calendar)"},
    {"relations.calendar_window", "{} ({} .. {}; source: {})"},
    {"relations.legend_off_scale", "off the scale (hover for the value)"},
    {"relations.momentum_heading",
     "Momentum: smoothed slope, index units per 30 days, with 90% band"},
    {"relations.moves", "Largest moves of the index, and the events that pulled it that way"},
    {"relations.move", "{}: {} from the period before"},
    {"relations.move_event.html", "<li>{} {}: {} (Goldstein {})</li>\n"},
    {"relations.moves_note.html",
     "For a rise, the events with the most positive pull on the index (Goldstein × weight) "
     "first; for a fall, the most negative; links go to the articles GDELT coded, and nothing is "
     "fetched until one is opened. <code>triad events</code> lists them all."},
    {"triangle.heading", "The triangle"},
    {"triangle.now", "{} on {}"},
    {"triangle.type_unknown", "Type unknown"},
    {"triangle.column_type", "type"},
    {"triangle.column_probability", "probability"},
    {"triangle.column_dyad", "dyad"},
    {"triangle.column_index", "index"},
    {"triangle.column_sign", "sign"},
    {"triangle.sign_friendly", "friendly (+)"},
    {"triangle.sign_hostile", "hostile (−)"},
    {"triangle.sign_neutral", "neutral or unknown"},
    {"triangle.diagram_note",
     "Solid blue: friendly (index above the neutral band); dashed vermillion: hostile; dotted "
     "grey: neutral or unknown. Line width grows with the size of the index."},
    {"triangle.timeline", "Type probabilities over time"},
    {"triangle.timeline_note.html",
     "Each period's probability of the four types when each dyad's index is Normal with its "
     "estimate and standard error; gaps are periods with missing data. The strip on top shows "
     "the most likely type."},
    {"triangle.timeline_chart", "Triangle type probabilities over time"},
    {"triangle.axis_probability", "probability"},
    {"triangle.strip_title", "{}: most likely {}"},
    {"triangle.persistence", "Changes count only when they persist: {}."},
    {"triangle.changes", "Changes of the most likely structure"},
    {"triangle.changes_note.one", "{} change over the period, the latest first."},
    {"triangle.changes_note.other", "{} changes over the period, the latest first."},
    {"triangle.earlier_changes.one", "{} earlier change"},
    {"triangle.earlier_changes.other", "{} earlier changes"},
    {"triangle.column_from", "from"},
    {"triangle.column_before", "most likely before"},
    {"triangle.column_after", "most likely after"},
    // The report's drivers, scenario and forecast skill.
    {"drivers.heading", "Drivers"},
    {"drivers.source_own", "own"},
    {"drivers.source_other_dyads", "other dyads"},
    {"drivers.impulse_responses", "Impulse responses"},
    {"drivers.units", " ({})"},
    {"drivers.impulse_note.html",
     "Each panel: the response of a dyad (rows) in index points{} to a one-standard-deviation "
     "(orthogonalised) shock of a variable (columns), over the {}s after the shock, with its 90% "
     "interval (± 1.645 standard errors) shaded."},
    {"drivers.response", "Response of {} in index points to a one-standard-deviation shock of {}"},
    {"drivers.panel_title.html", "{} → <b>{}</b>, index points"},
    {"drivers.not_computed", "not computed"},
    {"drivers.shares", "What drives each dyad"},
    {"drivers.shares_note.html",
     "Share of each dyad's {}-{} forecast-error variance due to shocks in itself, in the other "
     "dyads and in each driver."},
    {"drivers.shares_chart", "Forecast-error variance decomposition"},
    {"scenario.heading", "Scenario"},
    {"scenario.heading_named", "Scenario: {}"},
    {"scenario.paths_note",
     "Simulated on {} Monte Carlo paths; the probabilities, bands and medians below are shares "
     "and quantiles of these paths."},
    {"scenario.levers", "Levers"},
    {"scenario.windows", "Windows"},
    {"scenario.column_window", "window"},
    {"scenario.column_from", "from"},
    {"scenario.column_to", "to"},
    {"scenario.column_effect", "effect"},
    {"scenario.no_change", "no change"},
    {"scenario.no_change_for", "no change for {}"},
    {"scenario.effect_for", "{} for {}"},
    {"scenario.on_track", "Chance of staying on track"},
    {"scenario.on_track_note",
     "Share of simulated paths that meet each target, with 90% Monte Carlo error bars."},
    {"scenario.baseline_no_levers", "baseline (no levers)"},
    {"scenario.with_the_levers", "with the levers"},
    {"scenario.baseline", "baseline"},
    {"scenario.on_track_chart", "On-track probabilities with and without the levers"},
    {"scenario.fan_charts", "Fan charts"},
    {"scenario.fan_chart", "{} scenario fan chart"},
    {"scenario.observed_line", "{} observed"},
    {"scenario.observed", "observed"},
    {"scenario.baseline_median", "baseline median (no levers)"},
    {"scenario.median_with_the_levers", "median with the levers"},
    {"scenario.median_with_levers", "median with levers"},
    {"scenario.median", "median"},
    {"scenario.paths_50_90", "50% / 90% of paths"},
    {"scenario.paths_90", "90% of paths"},
    {"scenario.paths_50", "50% of paths"},
    {"scenario.window", "window"},
    {"scenario.floor", "floor"},
    {"evaluation.heading", "Forecast skill"},
    {"evaluation.note.html",
     "Every model refitted at every origin on the data up to it. CRPS: mean continuous ranked "
     "probability score of the Gaussian forecast, in index points (lower is better); ratio: to "
     "the no-change forecast's (below 1: better); coverage of the central 50% and 90% intervals "
     "(nominal 0.50 and 0.90); DM: Diebold-Mariano statistic of the CRPS differential against "
     "no-change, Harvey-Leybourne-Newbold corrected (negative: the model forecast better), with "
     "its two-sided p-value."},
    {"evaluation.column_model", "model"},
    {"evaluation.column_forecasts", "forecasts"},
    {"evaluation.column_ratio", "ratio"},
    // Sentences of the analysis layer (localized_sentences.hpp): the English text is the
    // sentence as the analysis prints it, with {} where its values go.
    {"sentence.drivers", "drivers"},
    {"sentence.colon", ": "},
    {"sentence.level_at_zero",
     "the level variance is estimated at zero: the level moves only with the slope, so its "
     "interval is narrow because the model rules out level shocks, not because the data pin the "
     "level down"},
    {"sentence.slope_at_zero",
     "the slope variance is estimated at zero: the slope is one constant over all {} observed "
     "periods, so momentum is the slope of a straight line through the whole sample, not the "
     "recent direction; read the change over the window instead"},
    {"sentence.irregular_at_zero",
     "the irregular (noise) variance is estimated at zero: the model reads every period's value as "
     "the true level, so the smoothed level follows the data exactly and its interval does not "
     "cover the noise of the index"},
    {"sentence.starts_disagree",
     "only {} of {} optimiser starts reached the best likelihood: it is flat or has several "
     "optima, so the variances, intervals and momentum are less certain than their standard errors "
     "say"},
    {"sentence.daily_periods",
     "daily periods: the data span {} days ({} weeks), too few weeks for the trend and driver "
     "models (weekly needs {}); give --freq to choose"},
    {"sentence.driver_left_out",
     "{} left out of the VAR: {} periods cannot carry every driver at {} rows per coefficient (the "
     "minimum); it was the weakest driver left (its previous value correlates at most |r| = {} "
     "with a dyad)"},
    {"sentence.too_little_data",
     "the model rests on too little data: {} periods give {} rows per coefficient for the three "
     "dyads alone at lag 1, below the minimum of {}; its tests, responses and shares are not "
     "evidence; use a longer period or a finer --freq"},
    {"sentence.thin_one",
     "news coverage: {} period thin (below {}% of its news slots: {}); left out of the index and "
     "the models; --include-partial keeps it"},
    {"sentence.thin_other",
     "news coverage: {} periods thin (below {}% of their news slots: {}); left out of the index "
     "and the models; --include-partial keeps them"},
    {"sentence.units_goldstein", "mean Goldstein minus world mean (Goldstein points)"},
    {"sentence.driver_missing", "{} left out: missing in {} of {} periods (fewer than {} events)"},
    {"sentence.driver_no_events",
     "{} left out: missing in {} of {} periods (periods without events)"},
    {"sentence.periods_used",
     "periods {} .. {} used ({} at the start and {} at the end dropped: some series missing)"},
    {"sentence.filled_one", "{}: {} missing period filled with the previous value"},
    {"sentence.filled_other", "{}: {} missing periods filled with the previous value"},
    // The triangle diagram (svg_triangle.cpp).
    {"diagram.title", "Triangle {}, {}, {} on {}: {}"},
    {"diagram.type_unknown", "type unknown"},
    {"diagram.friendly", "friendly"},
    {"diagram.hostile", "hostile"},
    {"diagram.neutral", "neutral or unknown"},
    {"diagram.role_pivot", "pivot"},
    {"diagram.role_wing", "wing"},
    {"diagram.role_married", "married"},
    {"diagram.role_outcast", "outcast"},
};

}  // namespace

std::span<const MessageEntry> English() {
  return kEnglish;
}

}  // namespace triad::catalogs
