namespace Handoff.Core.Doctor;

/// <summary>One line of `doctor`: a stable name, pass or fail, what was found, and what to do about a failure.</summary>
public sealed record DoctorCheck(string Name, bool Ok, string Detail, string? Hint = null)
{
    public static DoctorCheck Pass(string name, string detail) => new(name, true, detail);
    public static DoctorCheck Fail(string name, string detail, string? hint = null) => new(name, false, detail, hint);
}
