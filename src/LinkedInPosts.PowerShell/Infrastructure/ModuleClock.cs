using System;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Threading;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// The clock the cmdlets of one runspace judge token expiry by: the system clock, unless a test has
    /// moved the runspace's clock ahead (to follow the sandbox's clock, which it moves days ahead).
    /// Internal: users never set it.
    /// </summary>
    internal static class ModuleClock
    {
        private static readonly ConditionalWeakTable<Runspace, OffsetClock> PerRunspace = new ConditionalWeakTable<Runspace, OffsetClock>();

        /// <summary>The clock of the runspace running the current pipeline.</summary>
        public static TimeProvider Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace == null ? TimeProvider.System : PerRunspace.GetValue(runspace, _ => new OffsetClock());
            }
        }

        /// <summary>
        /// Moves <paramref name="runspace"/>'s clock <paramref name="offset"/> away from the system clock
        /// (tests; a TimeSpan, because the test and the module may not share one TimeProvider type).
        /// </summary>
        public static void SetOffset(Runspace runspace, TimeSpan offset) =>
            PerRunspace.GetValue(runspace, _ => new OffsetClock()).Offset = offset;

        /// <summary>One per runspace, so the connections a runspace already holds follow a later offset too.</summary>
        private sealed class OffsetClock : TimeProvider
        {
            private long _offsetTicks;

            public TimeSpan Offset
            {
                get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
                set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
            }

            public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
        }
    }
}
