using CrmKit.Value;

namespace CrmKit.Tests.Value;

/// <summary>The fits follow the exact gradient and Hessian; these agree with central differences of the likelihood.</summary>
public class LikelihoodDerivativeTests
{
    [Theory]
    [InlineData(0.243, 4.414, 0.793, 2.426)]
    [InlineData(2.0, 0.5, 0.05, 30.0)]
    [InlineData(0.01, 200.0, 5.0, 0.2)]
    [InlineData(50.0, 300.0, 0.01, 300.0)]
    public void Purchase_likelihood_derivatives_match_differences(double r, double alpha, double a, double b) =>
        AssertDerivatives(new BgNbdLikelihood(SummaryColumns.From(CdnowData.Summaries), Math.Log(1e-4), Math.Log(1e6)), [r, alpha, a, b]);

    [Theory]
    [InlineData(6.25, 3.74, 15.44)]
    [InlineData(0.5, 1.5, 100.0)]
    [InlineData(40.0, 20.0, 2.0)]
    public void Spend_likelihood_derivatives_match_differences(double p, double q, double gamma) =>
        AssertDerivatives(new GammaGammaLikelihood(SummaryColumns.From(CdnowData.Summaries), 30), [p, q, gamma]);

    private static void AssertDerivatives(ITwiceDifferentiable f, double[] parameters)
    {
        int n = f.Dimension;
        double[] theta = parameters.Select(v => Math.Log(v)).ToArray();
        var g = new double[n];
        var h = new double[n * n];
        f.Evaluate(theta, g, h);
        const double Step = 1e-4;
        for (int i = 0; i < n; i++)
        {
            double[] up = (double[])theta.Clone(), down = (double[])theta.Clone();
            up[i] += Step;
            down[i] -= Step;
            var gUp = new double[n];
            var gDown = new double[n];
            var scratch = new double[n * n];
            double difference = (f.Evaluate(up, gUp, scratch) - f.Evaluate(down, gDown, scratch)) / (2 * Step);
            Assert.True(Math.Abs(difference - g[i]) <= 1e-5 * Math.Max(1.0, Math.Abs(g[i])), $"gradient {i}: {g[i]:G10} against {difference:G10}");
            for (int j = 0; j < n; j++)
            {
                double second = (gUp[j] - gDown[j]) / (2 * Step);
                Assert.True(Math.Abs(second - h[i * n + j]) <= 1e-5 * Math.Max(1.0, Math.Abs(h[i * n + j])), $"hessian {i},{j}: {h[i * n + j]:G10} against {second:G10}");
            }
        }
    }
}
