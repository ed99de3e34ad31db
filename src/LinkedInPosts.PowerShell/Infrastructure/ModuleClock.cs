using System;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// The clock the cmdlets of one runspace judge token expiry by: the system clock, unless a test has
    /// given the runspace another (to follow the sandbox's clock, which it moves days ahead). Internal:
    /// users never set it.
    /// </summary>
    internal static class ModuleClock
    {
        private static readonly ConditionalWeakTable<Runspace, TimeProvider> PerRunspace = new ConditionalWeakTable<Runspace, TimeProvider>();

        /// <summary>The clock of the runspace running the current pipeline.</summary>
        public static TimeProvider Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace != null && PerRunspace.TryGetValue(runspace, out var clock) ? clock : TimeProvider.System;
            }
        }

        /// <summary>Gives <paramref name="runspace"/> its own clock (tests).</summary>
        public static void Set(Runspace runspace, TimeProvider clock)
        {
            PerRunspace.Remove(runspace);
            PerRunspace.Add(runspace, clock);
        }
    }
}
