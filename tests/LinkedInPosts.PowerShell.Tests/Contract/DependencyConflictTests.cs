using System.Management.Automation;
using System.Reflection;

namespace LinkedInPosts.PowerShell.Tests.Contract;

/// <summary>
/// PowerShell 7 keeps one copy of an assembly per session: when another module loaded an older one of ours first, opening
/// the queue or the token store failed with a bare FileLoadException. It is an error that names both copies and the way out
/// (review S14-K1). The conflict itself needs assemblies signed as the real ones, so what is checked here is the translation.
/// </summary>
public sealed class DependencyConflictTests
{
    private const int ReferenceDefinitionMismatch = unchecked((int)0x80131040);

    private static ErrorRecord? From(Exception exception)
    {
        var type = Assembly.LoadFrom(RepoPaths.ModuleAssembly).GetType("LinkedInPosts.PowerShell.Infrastructure.DependencyConflict", throwOnError: true)!;
        return (ErrorRecord?)type.GetMethod("From", BindingFlags.Static | BindingFlags.Public)!.Invoke(null, new object[] { exception });
    }

    [Fact]
    public void AVersionConflictNamesTheAssemblyTheCopyLoadedAndTheWayOut()
    {
        var loaded = typeof(System.Text.Json.JsonSerializer).Assembly;
        var refused = new FileLoadException("The located assembly's manifest definition does not match the assembly reference.",
            "System.Text.Json, Version=99.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51") { HResult = ReferenceDefinitionMismatch };

        var error = From(refused);

        Assert.NotNull(error);
        Assert.Equal("LinkedInDependencyConflict", error!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal("System.Text.Json", error.TargetObject);
        Assert.Contains("needs System.Text.Json 99.0.0.0", error.ErrorDetails.Message);
        Assert.Contains(loaded.GetName().Version + " from " + loaded.Location + " is loaded already", error.ErrorDetails.Message);
        Assert.StartsWith("Start a new PowerShell session and import LinkedInPosts before that module", error.ErrorDetails.RecommendedAction);
        Assert.Same(refused, error.Exception.InnerException);
    }

    [Fact]
    public void AnyOtherLoadFailureIsLeftAsItIs()
    {
        Assert.Null(From(new FileLoadException("Access is denied.", "System.Text.Json, Version=8.0.0.0")));
        Assert.Null(From(new FileNotFoundException("gone", "System.Text.Json.dll")));
        Assert.Null(From(new InvalidOperationException("not a load failure")));
    }
}
