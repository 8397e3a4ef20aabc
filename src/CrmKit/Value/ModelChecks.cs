namespace CrmKit.Value;

/// <summary>Argument checks shared by the value models.</summary>
internal static class ModelChecks
{
    public static double Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0.0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be a finite number greater than zero.");
        }

        return value;
    }

    public static double NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0.0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be a finite number of zero or more.");
        }

        return value;
    }
}
