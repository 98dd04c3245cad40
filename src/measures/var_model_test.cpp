// Hand-checkable properties of the VAR code. Agreement with statsmodels on real and hand-made
// series is checked separately, in var_statsmodels_test.py.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numbers>
#include <random>

#include <unistd.h>

#include "common/date.hpp"
#include "common/error.hpp"
#include "measures/var_csv.hpp"
#include "measures/var_distributions.hpp"
#include "measures/var_forecast.hpp"
#include "measures/var_granger.hpp"
#include "measures/var_impulse.hpp"
#include "measures/var_json.hpp"
#include "measures/var_model.hpp"

namespace triad {
namespace {

// y_t = c + A y_{t-1} + u_t with Cov(u) = L L', simulated from a fixed seed.
VarData SimulateVar1(const Eigen::Matrix2d& a, const Eigen::Vector2d& c, const Eigen::Matrix2d& l,
                     int rows, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  VarData data;
  data.names = {"x", "y"};
  data.values.resize(rows, 2);
  Eigen::Vector2d y = (Eigen::Matrix2d::Identity() - a).inverse() * c;  // start at the mean
  for (int t = 0; t < rows; ++t) {
    const Eigen::Vector2d e(normal(rng), normal(rng));
    y = c + a * y + l * e;
    data.values.row(t) = y.transpose();
  }
  return data;
}

const Eigen::Matrix2d kA = (Eigen::Matrix2d() << 0.6, 0.0, 0.5, 0.3).finished();
const Eigen::Vector2d kC(1.0, -2.0);
const Eigen::Matrix2d kL = (Eigen::Matrix2d() << 1.0, 0.0, 0.4, 0.5).finished();

std::string ErrorMessage(const std::function<void()>& f, ErrorKind expected_kind) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), expected_kind) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no triad::Error thrown";
  return "";
}

TEST(VarFit, RecoversKnownVar1WithinSamplingError) {
  const VarData data = SimulateVar1(kA, kC, kL, 20000, 7);
  const VarFit fit = FitVar(data, {1, VarTrend::kConstant});
  ASSERT_EQ(fit.regressors, (std::vector<std::string>{"const", "L1.x", "L1.y"}));
  EXPECT_EQ(fit.nobs, 19999);
  EXPECT_EQ(fit.DfResid(), 19999 - 3);
  const Eigen::MatrixXd a_hat = fit.LagMatrix(1);
  for (int i = 0; i < 2; ++i) {
    for (int j = 0; j < 2; ++j) {
      const double se = fit.std_errors(1 + j, i);
      EXPECT_NEAR(a_hat(i, j), kA(i, j), 4 * se) << "A(" << i << "," << j << ")";
      EXPECT_LT(se, 0.02);  // a 20000-row sample pins each coefficient down
    }
    EXPECT_NEAR(fit.params(0, i), kC(i), 4 * fit.std_errors(0, i));
  }
  const Eigen::Matrix2d sigma = kL * kL.transpose();
  EXPECT_LT((fit.sigma_u - sigma).cwiseAbs().maxCoeff(), 0.05);
  // ML and unbiased covariances differ by the degrees-of-freedom factor only.
  EXPECT_NEAR(fit.sigma_u_mle(0, 0), fit.sigma_u(0, 0) * 19996.0 / 19999.0, 1e-12);
  EXPECT_TRUE(fit.stable);
  // Eigenvalues of A are 0.6 and 0.3, so the inverse roots are 1/0.3 then 1/0.6.
  ASSERT_EQ(fit.roots.size(), 2u);
  EXPECT_NEAR(std::abs(fit.roots[0]), 1 / 0.3, 0.3);
  EXPECT_NEAR(std::abs(fit.roots[1]), 1 / 0.6, 0.1);
}

TEST(VarFit, LogLikelihoodMatchesGaussianFormula) {
  const VarFit fit = FitVar(SimulateVar1(kA, kC, kL, 500, 3), {1, VarTrend::kConstant});
  // Sum of multivariate normal log densities of the residuals at sigma_u_mle.
  const Eigen::LLT<Eigen::MatrixXd> llt(fit.sigma_u_mle);
  const double logdet = 2 * std::log(llt.matrixL().toDenseMatrix().diagonal().prod());
  double llf = 0;
  for (int t = 0; t < fit.nobs; ++t) {
    const Eigen::VectorXd u = fit.residuals.row(t).transpose();
    llf += -std::log(2 * std::numbers::pi) - 0.5 * logdet - 0.5 * u.dot(llt.solve(u));
  }
  EXPECT_NEAR(fit.llf, llf, 1e-8 * std::abs(llf));
}

TEST(VarFit, CollinearSeriesGiveAClearError) {
  VarData data = SimulateVar1(kA, kC, kL, 200, 11);
  data.names.push_back("x_again");
  data.values.conservativeResize(Eigen::NoChange, 3);
  data.values.col(2) = data.values.col(0);
  const std::string message = ErrorMessage(
      [&] {
        FitVar(data, {1, VarTrend::kConstant});
      },
      ErrorKind::kCompute);
  EXPECT_NE(message.find("collinear"), std::string::npos) << message;
  EXPECT_NE(message.find("'L1.x' and 'L1.x_again' are identical"), std::string::npos) << message;

  // A constant series duplicates the intercept (or, without one, fits exactly): the error names
  // the series before any matrix is found singular, whatever the trend; so does a nearly
  // constant one, which a rank test would let through to meaningless coefficients.
  data.values.col(2).setConstant(3.0);
  for (const VarTrend trend : {VarTrend::kConstant, VarTrend::kNone}) {
    const std::string constant = ErrorMessage(
        [&] {
          FitVar(data, {1, trend});
        },
        ErrorKind::kCompute);
    EXPECT_NE(constant.find("series 'x_again' is constant (3) over all 200 rows"),
              std::string::npos)
        << constant;
  }
  for (Eigen::Index t = 0; t < data.values.rows(); ++t)
    data.values(t, 2) = 3.0 + 1e-12 * std::sin(static_cast<double>(t));
  const std::string nearly = ErrorMessage(
      [&] {
        FitVar(data, {1, VarTrend::kConstant});
      },
      ErrorKind::kCompute);
  EXPECT_NE(nearly.find("series 'x_again' is nearly constant"), std::string::npos) << nearly;
}

// Lag order 0 without deterministic terms has no regressor at all: the residuals are the data
// (it crashed in the QR decomposition of an empty matrix).
TEST(VarFit, LagOrderZeroWithoutTrendHasNoRegressors) {
  const VarData data = SimulateVar1(kA, kC, kL, 50, 3);
  const VarFit fit = FitVar(data, {0, VarTrend::kNone});
  EXPECT_EQ(fit.params.rows(), 0);
  EXPECT_EQ(fit.nobs, 50);
  EXPECT_TRUE(fit.residuals.isApprox(data.values));
  const Eigen::MatrixXd expected = data.values.transpose() * data.values / 50.0;
  EXPECT_TRUE(fit.sigma_u.isApprox(expected, 1e-12));
}

TEST(VarFit, TooShortForTheLagOrderGivesAClearError) {
  VarData data = SimulateVar1(kA, kC, kL, 6, 5);
  // VAR(2) with a constant in 2 series: 5 coefficients per equation, 4 rows left.
  const std::string message = ErrorMessage(
      [&] {
        FitVar(data, {2, VarTrend::kConstant});
      },
      ErrorKind::kCompute);
  EXPECT_NE(message.find("too few observations for a VAR(2)"), std::string::npos) << message;
  EXPECT_NE(message.find("needs at least 6"), std::string::npos) << message;
  const std::string selection =
      ErrorMessage([&] { SelectLagOrder(data, 4, VarTrend::kConstant); }, ErrorKind::kCompute);
  EXPECT_NE(selection.find("maxlags 4 is too large"), std::string::npos) << selection;
}

TEST(VarSelect, BicFindsTheTrueOrderOnALongSample) {
  const LagOrderSelection s =
      SelectLagOrder(SimulateVar1(kA, kC, kL, 3000, 21), 6, VarTrend::kConstant);
  EXPECT_EQ(s.min_lag, 0);
  ASSERT_EQ(s.bic.size(), 7u);
  EXPECT_EQ(s.Selected("bic"), 1);
  EXPECT_EQ(s.Selected("hqic"), 1);
  EXPECT_THROW(s.Selected("xyz"), Error);
}

// Lag selection factorises only the largest design; each order's criteria must still be those
// of that order fitted on its own to the common sample (rows maxlags.., as statsmodels), for
// both trends; twin series still get the order-by-order path's message (order 0 comes first).
TEST(VarSelect, CriteriaEqualEachOrderFittedOnTheCommonSample) {
  const VarData data = SimulateVar1(kA, kC, kL, 300, 5);
  const int maxlags = 5;
  for (VarTrend trend : {VarTrend::kConstant, VarTrend::kConstantTrend}) {
    const LagOrderSelection s = SelectLagOrder(data, maxlags, trend);
    ASSERT_EQ(s.aic.size(), static_cast<std::size_t>(maxlags + 1));
    for (int p = 0; p <= maxlags; ++p) {
      VarData sample = data;
      const auto rows = static_cast<Eigen::Index>(data.values.rows() - (maxlags - p));
      sample.values = data.values.bottomRows(rows);
      const VarFit fit = FitVar(sample, {p, trend});
      EXPECT_NEAR(s.aic[static_cast<std::size_t>(p)], fit.aic, 1e-11) << "p " << p;
      EXPECT_NEAR(s.bic[static_cast<std::size_t>(p)], fit.bic, 1e-11) << "p " << p;
      EXPECT_NEAR(s.fpe[static_cast<std::size_t>(p)], fit.fpe, 1e-11 * fit.fpe) << "p " << p;
    }
  }
  VarData twins = data;
  twins.names.push_back("x_again");
  twins.values.conservativeResize(Eigen::NoChange, 3);
  twins.values.col(2) = twins.values.col(0);
  const std::string message =
      ErrorMessage([&] { SelectLagOrder(twins, 3, VarTrend::kConstant); }, ErrorKind::kCompute);
  EXPECT_NE(message.find("residual covariance is singular"), std::string::npos) << message;
}

TEST(VarGranger, SingleRestrictionFIsTheSquaredT) {
  const VarFit fit = FitVar(SimulateVar1(kA, kC, kL, 400, 13), {1, VarTrend::kConstant});
  // x does Granger-cause y (A(1,0) = 0.5); y does not cause x (A(0,1) = 0).
  const GrangerResult x_to_y = GrangerTest(fit, {"y"}, {"x"});
  EXPECT_EQ(x_to_y.df_num, 1);
  EXPECT_EQ(x_to_y.df_den, 2 * fit.DfResid());
  EXPECT_NEAR(x_to_y.statistic, std::pow(fit.t_values(1, 1), 2), 1e-9 * x_to_y.statistic);
  EXPECT_LT(x_to_y.p_value, 1e-10);
  const GrangerResult y_to_x = GrangerTest(fit, {"x"});  // causing = the complement
  EXPECT_EQ(y_to_x.causing, std::vector<std::string>{"y"});
  EXPECT_NEAR(y_to_x.statistic, std::pow(fit.t_values(2, 0), 2), 1e-9 * y_to_x.statistic);
  EXPECT_THROW(GrangerTest(fit, {"x"}, {"x"}), Error);
  EXPECT_THROW(GrangerTest(fit, {"nope"}), Error);
}

TEST(VarImpulse, Var1ResponsesArePowersOfA) {
  const VarFit fit = FitVar(SimulateVar1(kA, kC, kL, 300, 17), {1, VarTrend::kConstant});
  const Eigen::MatrixXd a = fit.LagMatrix(1);
  const ImpulseResponse plain = ImpulseResponses(fit, 3, false);
  ASSERT_EQ(plain.response.size(), 4u);
  EXPECT_TRUE(plain.response[0].isIdentity());
  EXPECT_TRUE(plain.response[3].isApprox(a * a * a, 1e-12));
  // The one-period response is A itself, so its std. errors are the coefficient std. errors.
  EXPECT_NEAR(plain.std_errors[1](1, 0), fit.std_errors(1, 1), 1e-12);
  EXPECT_NEAR(plain.std_errors[1](0, 1), fit.std_errors(2, 0), 1e-12);
  const ImpulseResponse orth = ImpulseResponses(fit, 3, true);
  const Eigen::MatrixXd p = fit.sigma_u.llt().matrixL();
  EXPECT_TRUE(orth.response[2].isApprox(a * a * p, 1e-12));
  EXPECT_DOUBLE_EQ(orth.response[0](0, 1), 0.0);  // Cholesky: y's shock does not move x at once

  const VarianceDecomposition fevd = DecomposeVariance(fit, 5);
  ASSERT_EQ(fevd.share.size(), 5u);
  for (const auto& share : fevd.share)
    for (int i = 0; i < 2; ++i) EXPECT_NEAR(share.row(i).sum(), 1.0, 1e-12);
  EXPECT_DOUBLE_EQ(fevd.share[0](0, 0), 1.0);  // x's first-step error is its own shock
}

TEST(VarForecast, OneStepIsTheRegressionPrediction) {
  const VarData data = SimulateVar1(kA, kC, kL, 300, 19);
  const VarFit fit = FitVar(data, {1, VarTrend::kConstant});
  const VarForecast f = Forecast(fit, data.values, 2);
  const Eigen::VectorXd y_t = data.values.bottomRows(1).transpose();
  const Eigen::VectorXd c = fit.params.row(0).transpose();
  const Eigen::VectorXd one = c + fit.LagMatrix(1) * y_t;
  EXPECT_TRUE(f.mean.row(0).transpose().isApprox(one, 1e-12));
  EXPECT_TRUE(f.mean.row(1).transpose().isApprox(c + fit.LagMatrix(1) * one, 1e-12));
  EXPECT_TRUE(f.mse[0].isApprox(fit.sigma_u, 1e-12));
  const Eigen::MatrixXd a = fit.LagMatrix(1);
  EXPECT_TRUE(f.mse[1].isApprox(fit.sigma_u + a * fit.sigma_u * a.transpose(), 1e-12));
  EXPECT_THROW(Forecast(fit, data.values.topRows(0), 2), Error);
}

TEST(VarJson, FitRoundTripsExactly) {
  const VarData data = SimulateVar1(kA, kC, kL, 120, 23);
  const VarFit fit = FitVar(data, {2, VarTrend::kConstantTrend});
  const std::string text = ToJson(fit).dump();
  const VarFit back = VarFitFromJson(nlohmann::json::parse(text), "fit.json");
  EXPECT_EQ(back.names, fit.names);
  EXPECT_EQ(back.trend, VarTrend::kConstantTrend);
  EXPECT_EQ(back.lags, 2);
  EXPECT_EQ(back.n_totobs, 120);
  EXPECT_EQ(back.params, fit.params);
  EXPECT_EQ(back.sigma_u, fit.sigma_u);
  EXPECT_EQ(back.regressor_cross_inverse, fit.regressor_cross_inverse);
  EXPECT_EQ(back.roots, fit.roots);
  EXPECT_EQ(back.llf, fit.llf);
  EXPECT_EQ(Forecast(back, back.last_values, 3).mean, Forecast(fit, data.values, 3).mean);
  const std::string message =
      ErrorMessage([] { VarFitFromJson(nlohmann::json::parse(R"({"names": ["a"]})"), "fit.json"); },
                   ErrorKind::kInput);
  EXPECT_NE(message.find("fit.json (field exog_names)"), std::string::npos) << message;
}

// Found writing fuzz/var_fit_json_fuzz.cpp: a fit file whose roots or matrices do not have
// the shapes its names and lags imply was read past its end or used with the wrong shapes.
TEST(VarJson, MisshapenFitIsAnInputError) {
  const VarData data = SimulateVar1(kA, kC, kL, 60, 5);
  const nlohmann::json good = ToJson(FitVar(data, {1, VarTrend::kConstant}));
  auto message_for = [&](const std::function<void(nlohmann::json&)>& change) {
    nlohmann::json j = good;
    change(j);
    return ErrorMessage([&] { VarFitFromJson(j, "fit.json"); }, ErrorKind::kInput);
  };
  EXPECT_NE(message_for([](auto& j) { j["roots"] = {{0.5}}; }).find("fit.json (field roots)"),
            std::string::npos);
  EXPECT_NE(message_for([](auto& j) { j["roots"] = {1.5}; }).find("[real, imaginary]"),
            std::string::npos);
  const std::string inconsistent = "matrix shapes do not match names, lags and trend";
  EXPECT_NE(message_for([](auto& j) { j["std_errors"].erase(0); }).find(inconsistent),
            std::string::npos);
  EXPECT_NE(message_for([](auto& j) { j["last_values"] = {{1.0}}; }).find(inconsistent),
            std::string::npos);
  EXPECT_NE(message_for([](auto& j) { j["sigma_u_mle"] = {{1.0}}; }).find(inconsistent),
            std::string::npos);
  EXPECT_NE(message_for([](auto& j) {
              j["regressor_cross_inverse"] = {{1.0}, {1.0}, {1.0}};
            }).find(inconsistent),
            std::string::npos);
  EXPECT_NE(message_for([](auto& j) {
              j["names"] = nlohmann::json::array();
              j["regressors"] = {"const"};
              j["params"] = {{1.0}};
            }).find(inconsistent),
            std::string::npos);
}

TEST(VarDistributions, MatchClosedForms) {
  EXPECT_NEAR(NormalTwoSidedPValue(1.959963984540054), 0.05, 1e-15);
  EXPECT_NEAR(NormalTwoSidedPValue(-1.959963984540054), 0.05, 1e-15);
  for (double n : {3.0, 10.0, 57.0, 945.0}) {
    for (double x : {0.01, 0.5, 1.0, 3.0, 20.0, 80.0}) {
      // F(2, n): P(F >= x) = (1 + 2x/n)^(-n/2). Both sides carry ~1e-13 relative rounding
      // at n = 945 (lgamma of large arguments here, pow with a large exponent there).
      const double f2 = std::pow(1 + 2 * x / n, -n / 2);
      EXPECT_NEAR(FDistributionSurvival(x, 2, n), f2, 1e-12 * f2) << "n=" << n << " x=" << x;
      // F(n, 2): P(F < x) = I_{nx/(nx+2)}(n/2, 1) = (nx/(nx+2))^(n/2).
      const double fn = 1 - std::pow(n * x / (n * x + 2), n / 2);
      EXPECT_NEAR(FDistributionSurvival(x, n, 2), fn, 1e-11 * fn) << "n=" << n << " x=" << x;
    }
  }
  EXPECT_EQ(FDistributionSurvival(0.0, 3, 10), 1.0);
}

class VarCsvTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("var_csv_test_" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path) << text;
    path_ = path.string();
    return path_;
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string path_;
};

TEST_F(VarCsvTest, ReadsSelectedColumnsAndExog) {
  const std::string path = Write("date,a,b,x\n2020-01,1,2,0.5\n2020-02,3,4e1,-1\n");
  const VarData data = ReadVarCsv(path, {"b", "a"}, {"x"});
  EXPECT_EQ(data.names, (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(data.labels, (std::vector<std::string>{"2020-01", "2020-02"}));
  EXPECT_EQ(data.values(1, 0), 40.0);
  EXPECT_EQ(data.values(1, 1), 3.0);
  EXPECT_EQ(data.exog(1, 0), -1.0);
  EXPECT_EQ(ReadVarCsv(path, {}, {"x"}).names, (std::vector<std::string>{"a", "b"}));
}

TEST_F(VarCsvTest, EmptyCellNamesFileLineAndColumn) {
  const std::string path = Write("date,a,b\n2020-01,1,2\n2020-02,3,\n");
  const std::string message = ErrorMessage([&] { ReadVarCsv(path, {}, {}); }, ErrorKind::kInput);
  EXPECT_NE(message.find(path + ":3 (field b): empty cell"), std::string::npos) << message;
  Write("date,a,b\n2020-01,1,x2\n");
  const std::string bad = ErrorMessage([&] { ReadVarCsv(path_, {}, {}); }, ErrorKind::kInput);
  EXPECT_NE(bad.find(":2 (field b): 'x2' is not a finite number"), std::string::npos) << bad;
  const std::string unknown =
      ErrorMessage([&] { ReadVarCsv(path_, {"c"}, {}); }, ErrorKind::kUsage);
  EXPECT_NE(unknown.find("no column 'c' (numeric columns: a, b)"), std::string::npos) << unknown;
}

// Scenarios place levers on dates, so a fit remembers its calendar: the last label and the
// row frequency, which only consecutive periods have.
TEST(VarCalendar, FrequencyOfConsecutivePeriodLabels) {
  EXPECT_EQ(InferLabelFrequency({"2024-02-12", "2024-02-19", "2024-02-26"}), "week");
  EXPECT_EQ(InferLabelFrequency({"2023-12-31", "2024-01-01"}), "day");
  EXPECT_EQ(InferLabelFrequency({"2023-11", "2023-12", "2024-01"}), "month");
  EXPECT_EQ(InferLabelFrequency({"2024-02-12", "2024-02-26"}), "");  // a week is missing
  EXPECT_EQ(InferLabelFrequency({"2024-02-13", "2024-02-20"}), "");  // Tuesdays start no week
  EXPECT_EQ(InferLabelFrequency({"a", "b"}), "");
  EXPECT_EQ(InferLabelFrequency({"2024-02-12"}), "");
}

TEST(VarCalendar, FitKeepsTheLastLabelAndFrequencyThroughJson) {
  VarData data = SimulateVar1(Eigen::Matrix2d::Identity() * 0.5, Eigen::Vector2d(1, 2),
                              Eigen::Matrix2d::Identity(), 20, 3);
  data.labels.clear();
  for (int i = 0; i < 20; ++i) data.labels.push_back(FormatDate(*ParseDate("2024-01-01") + 7 * i));
  const VarFit fit = FitVar(data, VarSpec{1, VarTrend::kConstant});
  EXPECT_EQ(fit.last_label, "2024-05-13");
  EXPECT_EQ(fit.frequency, "week");
  const VarFit back = VarFitFromJson(ToJson(fit));
  EXPECT_EQ(back.last_label, "2024-05-13");
  EXPECT_EQ(back.frequency, "week");
}

}  // namespace
}  // namespace triad
