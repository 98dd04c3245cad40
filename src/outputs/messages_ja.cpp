// The Japanese catalog (ja). See messages.hpp for the conventions.
//
// Terms of the field. Japanese IR writing on Dittmer's strategic triangle (戦略的三角形) mostly
// keeps his type names in katakana (ロマンティック・トライアングル for the romantic triangle, as
// in writing on the US-China-Japan triangle) and renders the stable marriage as 安定的結婚; the
// ménage à trois is メナージュ・ア・トロワ and the unit veto ユニット・ヴィートー. Roles in the
// same style: ピボット (pivot), ウィング (wing), パートナー (the married pair), アウトキャスト
// (outcast). Heider's balance: バランス (ハイダーのバランス理論). These are choices to be
// reviewed by a reader of the Japanese literature; they are all in this one file.
#include "outputs/message_catalogs.hpp"

namespace triad::catalogs {
namespace {

constexpr MessageEntry kJapanese[] = {
    // Shared words.
    {"common.n_a", "なし"},
    {"common.note_prefix", "注："},
    {"common.warning_prefix", "警告："},
    {"type.menage_a_trois", "メナージュ・ア・トロワ"},
    {"type.romantic_triangle", "ロマンティック・トライアングル"},
    {"type.stable_marriage", "安定的結婚"},
    {"type.unit_veto", "ユニット・ヴィートー"},
    {"type.indeterminate", "不確定"},
    {"type.unknown", "不明"},
    {"roles.romantic", "{0}、ピボット {1}、ウィング {2} と {3}"},
    {"roles.stable", "{0} {1}–{2}、アウトキャスト {3}"},
    {"roles.romantic_details", "ピボット {0}、ウィング {1} と {2}"},
    {"roles.stable_details", "パートナー {0}–{1}、アウトキャスト {2}"},
    {"direction.improving", "改善"},
    {"direction.deteriorating", "悪化"},
    {"direction.steady", "横ばい"},
    {"freq.day", "日"},
    {"freq.week", "週"},
    {"freq.month", "月"},
    {"freq.year", "年"},
    {"freq_adjective.day", "日次"},
    {"freq_adjective.week", "週次"},
    {"freq_adjective.month", "月次"},
    {"freq_adjective.year", "年次"},
    {"periods.day.one", "{} 日"},
    {"periods.day.other", "{} 日"},
    {"periods.week.one", "{} 週"},
    {"periods.week.other", "{} 週"},
    {"periods.month.one", "{} か月"},
    {"periods.month.other", "{} か月"},
    {"periods.year.one", "{} 年"},
    {"periods.year.other", "{} 年"},
    {"basis.smoothed_levels", "平滑化水準"},
    {"basis.raw_indices", "生の指数"},
    {"persist.rule.one", "{1} 期連続で P > {0:g} の最有力構造"},
    {"persist.rule.other", "{1} 期連続で P > {0:g} の最有力構造"},
    {"persist.current", "持続的構造：{1} 以降 {0}（{2}）"},
    {"persist.none", "期間内に持続した構造なし（{}）"},
    {"persist.pending", "；まだ変化ではない：{0}、{3} 以降 {2} 期中 {1} 期で最有力"},

    // triad status (the table).
    {"status.heading", "（{0} 時点、{1}関係指数、出所：{2}、単位：{3}）\n"},
    {"status.source_events", "イベント"},
    {"status.column_dyad", "二者関係"},
    {"status.column_level", "現在の水準 [90% 区間]"},
    {"status.column_latest", "最新の{}指数（標準誤差）"},
    {"status.column_change", "{}の変化"},
    {"status.column_momentum", "モメンタム /30日 [90% 区間]"},
    {"status.column_events", "{}のイベント数"},
    {"status.column_values", "{}の値の数"},
    {"status.interval_unknown", "{} [区間不明]"},
    {"status.se", "標準誤差 {:.2f}"},
    {"status.se_unknown", "標準誤差不明"},
    {"status.latest", "{} ({}) {}"},
    {"status.level_legend",
     "水準：基準{0}における局所線形トレンドの平滑化水準；最新の指数：その{0}の生の値\n"},
    {"status.triangle", "\n三角形    {} (P = {:.2f})\n          {}\n"},
    {"status.type_probability", " P({}) {:.2f}"},
    {"status.neutral_probability", " P(中立) {:.2f}"},
    {"status.balanced_probability", "；P(バランス) {:.2f}\n"},
    {"status.triangle_basis",
     "          {}に基づく；期間内の持続的構造の変化：{} 回（期ごとの変化 {} 回）\n"},
    {"status.drivers", "\n要因（指数と論考の要因に対する VAR({})；'triad explain' を参照）\n"},
    {"status.no_drivers_reason", "どの要因系列も作れない"},
    {"status.no_drivers", "  要因系列なし（{}）：VAR は二者関係のみ\n"},
    {"status.shares_without_drivers", "  {:<8} 自己モメンタム {:.0f}%、他の二者関係 {:.0f}%\n"},
    {"status.shares",
     "  {:<8} 自己モメンタム {:.0f}%、最大の要因 {} {:.0f}%；グレンジャー因果:{}\n"},
    {"status.granger_driver", " {} (p {:.3f})"},
    {"status.granger_none", " 5% 水準でなし"},
    // The HTML report.
    {"common.period", "期"},
    {"common.and", " と "},
    {"common.comma", "、"},
    {"direction.unknown", "不明"},
    {"report.default_title", "triad レポート"},
    {"report.triad_title", "{0}–{1}–{2}：関係・三角形・モメンタム"},
    {"report.download_csv", "データ（CSV）"},
    {"report.download_svg", "グラフ（SVG）"},
    {"report.meta_actors", "アクター {}"},
    {"report.meta_series", " · {}系列"},
    {"report.meta_series_by", " · {}ごとの系列"},
    {"report.meta_index", " · 指数：{}"},
    {"report.meta_generated", " · 作成 {}"},
    {"report.nav_relations", "二者関係"},
    {"report.nav_triangle", "戦略的三角形"},
    {"report.nav_drivers", "要因"},
    {"report.nav_scenario", "シナリオ"},
    {"report.nav_evaluation", "予測力"},
    {"report.nav_provenance", "データの出所"},
    {"report.summary", "概要"},
    {"report.summary_note",
     "各二者関係：平滑化水準とその 90% 区間、および 30 日あたりのモメンタム（平滑化された傾き）と"
     "その 90% 区間。"},
    {"report.provenance", "データの出所"},
    {"report.warnings", "警告"},
    {"report.input_files", "入力ファイル"},
    {"report.column_file", "ファイル"},
    {"report.column_rows", "行数"},
    {"report.column_accepted", "採用"},
    {"report.column_rejected", "除外"},
    {"report.column_first_event", "最初のイベント"},
    {"report.column_last_event", "最後のイベント"},
    {"report.row_store", "ストア"},
    {"report.row_command_line", "コマンドライン"},
    {"report.row_triad_version", "triad のバージョン"},
    {"report.row_generated", "作成日時"},
    {"report.footer.html",
     "<footer>"
     "関係指数：二者関係・期ごとのイベント得点の加重平均。水準とモメンタム：局所線形トレンド"
     "モデル、カルマン平滑化（Durbin &amp; Koopman, <i>Time Series Analysis by State Space "
     "Methods</i>）。三角形の類型：ハイダーのバランス理論と Dittmer (1981)、&ldquo;The Strategic "
     "Triangle&rdquo;, <i>World Politics</i> 33(4)。要因：ベクトル自己回帰（L&uuml;tkepohl, <i>New "
     "Introduction to Multiple Time Series Analysis</i>）。triad が作成；このファイルはネットワーク"
     "接続を必要としません。</footer>\n"},
    // The report's summary sentences.
    {"summary.dyad", "{}："},
    {"summary.no_data", "データなし。"},
    {"summary.level", "{2} 時点で {0}{1}"},
    {"summary.level_interval", " ± {}（90% 区間）"},
    {"summary.momentum", "、{0}（30 日あたり {1}{2}）"},
    {"summary.momentum_interval", "、90% 区間 {}..{}"},
    {"summary.above_floor", "；下限 {} を上回る"},
    {"summary.below_floor", "；下限 {} を下回る"},
    {"summary.end", "。"},
    {"summary.separator", "；"},
    {"summary.unknown_type", "類型不明"},
    {"summary.roles", "（{}）"},
    {"summary.triangle", "三角形 {0}–{1}–{2}（{3}）：{4}"},
    {"summary.probability", "、確率 {}"},
    {"summary.since", "；{0} 以降最有力（以前：{1}）"},
    {"summary.drivers", "各二者関係を動かすもの（{0} {1}先の予測分散）："},
    {"summary.share_own", "自己 {}"},
    {"summary.then", "、次いで "},
    {"summary.share_top", "{}{} {}"},
    {"summary.scenario", "シナリオ"},
    {"summary.scenario_name", "「{}」"},
    {"summary.with_levers", "{0}：施策あり {1}"},
    {"summary.without_levers", "、施策なし {}"},
    {"summary.no_on_track", "：軌道維持の確率は計算されていません。"},
    {"summary.on_track", "：軌道を維持する確率 — "},
    {"summary.warnings.one", "データに関する警告 {} 件：「データの出所」を参照。"},
    {"summary.warnings.other", "データに関する警告 {} 件：「データの出所」を参照。"},
    // The report's relations and triangle.
    {"relations.heading", "二者関係"},
    {"relations.note",
     "灰色の点：期ごとに測定された指数、ひげはその 90% 区間（± 1.645 標準誤差）。線と帯：局所線形"
     "トレンドモデルのカルマン平滑化水準とその 90% 帯。その下：モメンタム（平滑化された傾き）。"},
    {"relations.axis_index", "指数"},
    {"relations.axis_per_30_days", "30 日あたり"},
    {"relations.point_se", "（標準誤差 {}）"},
    {"relations.level_line", "{} 平滑化水準"},
    {"relations.momentum_line", "{} モメンタム"},
    {"relations.index_chart", "{} 関係指数と平滑化水準"},
    {"relations.legend_index", "指数（90% のひげ）"},
    {"relations.legend_level", "平滑化水準"},
    {"relations.legend_band", "90% 帯"},
    {"relations.legend_floor", "下限 {}"},
    {"relations.legend_calendar", "選挙または首脳会議（カレンダー）"},
    {"relations.calendar_window", "{0}（{1} .. {2}；出典：{3}）"},
    {"relations.legend_off_scale", "目盛りの外（カーソルで値を表示）"},
    {"relations.momentum_heading",
     "モメンタム：平滑化された傾き、30 日あたりの指数単位、90% 帯付き"},
    {"relations.moves", "指数の最大の変動と、それを動かしたイベント"},
    {"relations.move", "{0}：前期から {1}"},
    {"relations.move_event.html", "<li>{0} {1}：{2}（Goldstein {3}）</li>\n"},
    {"relations.moves_note.html",
     "上昇では指数を最も押し上げたイベント（Goldstein × 重み）から、下落では最も押し下げたイベント"
     "から順に並べています。リンク先は GDELT がコード化した記事で、開くまで何も取得しません。"
     "<code>triad events</code> ですべてを一覧できます。"},
    {"triangle.heading", "戦略的三角形"},
    {"triangle.now", "{0}（{1}）"},
    {"triangle.type_unknown", "類型不明"},
    {"triangle.column_type", "類型"},
    {"triangle.column_probability", "確率"},
    {"triangle.column_dyad", "二者関係"},
    {"triangle.column_index", "指数"},
    {"triangle.column_sign", "符号"},
    {"triangle.sign_friendly", "友好 (+)"},
    {"triangle.sign_hostile", "敵対 (−)"},
    {"triangle.sign_neutral", "中立または不明"},
    {"triangle.diagram_note",
     "青の実線：友好（指数が中立帯より上）；朱色の破線：敵対；灰色の点線：中立または不明。線の太さ"
     "は"
     "指数の大きさに応じて増します。"},
    {"triangle.timeline", "類型の確率の推移"},
    {"triangle.timeline_note.html",
     "各二者関係の指数が推定値と標準誤差をもつ正規分布に従うとしたときの、期ごとの 4 類型の確率。"
     "空白はデータが欠けた期。上端の帯は最有力の類型を示します。"},
    {"triangle.timeline_chart", "三角形の類型の確率の推移"},
    {"triangle.axis_probability", "確率"},
    {"triangle.strip_title", "{0}：最有力は{1}"},
    {"triangle.persistence", "変化は持続した場合のみ数えます：{}。"},
    {"triangle.changes", "最有力構造の変化"},
    {"triangle.changes_note.one", "期間中 {} 回の変化、新しい順。"},
    {"triangle.changes_note.other", "期間中 {} 回の変化、新しい順。"},
    {"triangle.earlier_changes.one", "それ以前の変化 {} 回"},
    {"triangle.earlier_changes.other", "それ以前の変化 {} 回"},
    {"triangle.column_from", "開始"},
    {"triangle.column_before", "以前の最有力"},
    {"triangle.column_after", "以後の最有力"},
    // The report's drivers, scenario and forecast skill.
    {"drivers.heading", "要因"},
    {"drivers.source_own", "自己"},
    {"drivers.source_other_dyads", "他の二者関係"},
    {"drivers.impulse_responses", "インパルス応答"},
    {"drivers.units", "（{}）"},
    {"drivers.impulse_note.html",
     "各パネル：ある変数（列）の 1 標準偏差の（直交化）ショックに対する二者関係（行）の応答を指数"
     "ポイント{0}で、ショック後の各{1}について示し、90% 区間（± 1.645 "
     "標準誤差）を網掛けで示します。"},
    {"drivers.response", "{1} の 1 標準偏差ショックに対する {0} の応答（指数ポイント）"},
    {"drivers.panel_title.html", "{} → <b>{}</b>、指数ポイント"},
    {"drivers.not_computed", "未計算"},
    {"drivers.shares", "各二者関係を動かすもの"},
    {"drivers.shares_note.html",
     "各二者関係の {0} "
     "{1}先の予測誤差分散のうち、自己、他の二者関係、各要因のショックによる割合。"},
    {"drivers.shares_chart", "予測誤差分散分解"},
    {"scenario.heading", "シナリオ"},
    {"scenario.heading_named", "シナリオ：{}"},
    {"scenario.paths_note",
     "{} "
     "本のモンテカルロ経路でシミュレーション；以下の確率・帯・中央値はこれらの経路の割合と分位点で"
     "す。"},
    {"scenario.levers", "施策"},
    {"scenario.windows", "ウィンドウ"},
    {"scenario.column_window", "ウィンドウ"},
    {"scenario.column_from", "開始"},
    {"scenario.column_to", "終了"},
    {"scenario.column_effect", "効果"},
    {"scenario.no_change", "変化なし"},
    {"scenario.no_change_for", "{} は変化なし"},
    {"scenario.effect_for", "{1}：{0}"},
    {"scenario.on_track", "軌道を維持する確率"},
    {"scenario.on_track_note",
     "各目標を満たすシミュレーション経路の割合、90% モンテカルロ誤差棒付き。"},
    {"scenario.baseline_no_levers", "ベースライン（施策なし）"},
    {"scenario.with_the_levers", "施策あり"},
    {"scenario.baseline", "ベースライン"},
    {"scenario.on_track_chart", "施策の有無による軌道維持の確率"},
    {"scenario.fan_charts", "ファンチャート"},
    {"scenario.fan_chart", "{} シナリオのファンチャート"},
    {"scenario.observed_line", "{} 観測値"},
    {"scenario.observed", "観測値"},
    {"scenario.baseline_median", "ベースラインの中央値（施策なし）"},
    {"scenario.median_with_the_levers", "施策ありの中央値"},
    {"scenario.median_with_levers", "施策ありの中央値"},
    {"scenario.median", "中央値"},
    {"scenario.paths_50_90", "経路の 50% / 90%"},
    {"scenario.paths_90", "経路の 90%"},
    {"scenario.paths_50", "経路の 50%"},
    {"scenario.window", "ウィンドウ"},
    {"scenario.floor", "下限"},
    {"evaluation.heading", "予測力"},
    {"evaluation.note.html",
     "各モデルを各予測起点でその時点までのデータで再推定。CRPS：ガウス予測の平均連続順位確率スコア"
     "、"
     "指数ポイント単位（低いほど良い）；比：無変化予測に対する比（1 未満なら良い）；中心 50% と "
     "90% "
     "区間の被覆率（名目 0.50 と 0.90）；DM：無変化予測に対する CRPS 差の Diebold-Mariano 統計量、"
     "Harvey-Leybourne-Newbold 補正済み（負ならそのモデルの予測が良い）、両側 p 値付き。"},
    {"evaluation.column_model", "モデル"},
    {"evaluation.column_forecasts", "予測数"},
    {"evaluation.column_ratio", "比"},
    // Sentences of the analysis layer (localized_sentences.hpp).
    {"sentence.drivers", "要因"},
    {"sentence.colon", "："},
    {"sentence.stale_store",
     "ストアが古い：最新のイベントは {0}（{1} 日前）。新しいファイルを取り込むか --asof "
     "を指定してください"},
    {"sentence.rejected_rows",
     "{0} 行を除外（読み込んだ行の {1:.1f}%）：'triad info --rejects 20' を参照"},
    {"sentence.level_at_zero",
     "水準の分散がゼロと推定：水準は傾きとともにしか動かないため、区間が狭いのはデータが水準を定め"
     "るからではなく、モデルが水準ショックを排除しているから"},
    {"sentence.slope_at_zero",
     "傾きの分散がゼロと推定：傾きは観測された {} "
     "期すべてで同じ定数であり、モメンタムは直近の方向ではなく標本全体を通る直線の傾き；代わりにウ"
     "ィンドウ内の変化を見てください"},
    {"sentence.irregular_at_zero",
     "不規則（ノイズ）分散がゼロと推定：モデルは各期の値を真の水準とみなすため、平滑化水準はデータ"
     "にそのまま従い、その区間は指数のノイズを含みません"},
    {"sentence.starts_disagree",
     "最適化の開始点 {1} 個のうち最良の尤度に達したのは {0} "
     "個のみ：尤度が平坦か複数の最適点があるため、分散・区間・モメンタムは標準誤差が示すより不確"
     "か"},
    {"sentence.daily_periods",
     "日次の期：データは {0} 日（{1} 週）で、トレンドと要因のモデルには週が足りません（週次には "
     "{2} 週必要）；--freq で指定できます"},
    {"sentence.driver_left_out",
     "{0} を VAR から除外：{1} 期では係数あたり {2} "
     "行（最低限）ですべての要因を扱えません；残った要因のうち最も弱いもの（前期の値と二者関係との"
     "相関は最大 |r| = {3}）"},
    {"sentence.too_little_data",
     "モデルの根拠となるデータが少なすぎます：{0} 期では 3 つの二者関係だけでラグ 1 の係数あたり "
     "{1} 行となり、最低限の {2} "
     "を下回ります；検定・応答・割合は証拠になりません；より長い期間か細かい --freq "
     "を使ってください"},
    {"sentence.thin_one",
     "ニュースの網羅性：{0} 期が不十分（ニュース枠の {1}% "
     "未満：{2}）；指数とモデルから除外；--include-partial で保持"},
    {"sentence.thin_other",
     "ニュースの網羅性：{0} 期が不十分（ニュース枠の {1}% "
     "未満：{2}）；指数とモデルから除外；--include-partial で保持"},
    {"sentence.units_goldstein", "Goldstein 平均から世界平均を引いた値（Goldstein ポイント）"},
    {"sentence.driver_missing", "{0} を除外：{2} 期中 {1} 期が欠損（イベント {3} 件未満）"},
    {"sentence.driver_no_events", "{0} を除外：{2} 期中 {1} 期が欠損（イベントのない期）"},
    {"sentence.periods_used",
     "{0} .. {1} の期を使用（一部の系列の欠損により先頭 {2} 期と末尾 {3} 期を除外）"},
    {"sentence.filled_one", "{0}：欠損 {1} 期を前の値で補完"},
    {"sentence.filled_other", "{0}：欠損 {1} 期を前の値で補完"},
    // The triangle diagram (svg_triangle.cpp).
    {"diagram.title", "三角形 {0}、{1}、{2}（{3}）：{4}"},
    {"diagram.type_unknown", "類型不明"},
    {"diagram.friendly", "友好"},
    {"diagram.hostile", "敵対"},
    {"diagram.neutral", "中立または不明"},
    {"diagram.role_pivot", "ピボット"},
    {"diagram.role_wing", "ウィング"},
    {"diagram.role_married", "パートナー"},
    {"diagram.role_outcast", "アウトキャスト"},
};

}  // namespace

std::span<const MessageEntry> Japanese() {
  return kJapanese;
}

}  // namespace triad::catalogs
