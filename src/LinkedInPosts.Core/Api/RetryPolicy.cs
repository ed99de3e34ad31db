using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Errors;
using Polly;
using Polly.Retry;

namespace LinkedInPosts.Core.Api
{
    /// <summary>
    /// Retries for calls that are safe to repeat (reads, PARTIAL_UPDATE, DELETE): transient failures
    /// (429, 5xx, timeouts, dropped connections) back off exponentially with jitter, a Retry-After (on a 429
    /// or a 5xx) is waited for instead, and all retries of one call fit in <see cref="LinkedInClientOptions.MaxRetryTime"/>:
    /// a Retry-After longer than the time left is not waited for, the error goes to the caller.
    /// Creates never come through here: LinkedIn has no idempotency key (see <see cref="LinkedInClient"/>).
    /// </summary>
    internal sealed class RetryPolicy
    {
        private readonly LinkedInClientOptions _options;
        private readonly ResiliencePipeline _pipeline;

        public RetryPolicy(LinkedInClientOptions options)
        {
            _options = options;
            if (options.MaxRetries == 0)
            {
                _pipeline = ResiliencePipeline.Empty;
                return;
            }
            _pipeline = new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.Context)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfterDelay(args.Outcome.Exception)),
                    OnRetry = args =>
                    {
                        var reason = args.Outcome.Exception is LinkedInException ex && ex.HttpStatus.HasValue ? ex.HttpStatus.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer";
                        _options.Log.Verbose($"Retrying {Describe(args.Context)} in {args.RetryDelay.TotalSeconds:0.##} s after {reason} (retry {args.AttemptNumber + 1} of {_options.MaxRetries}).");
                        return default;
                    },
                })
                .Build();
        }

        private static readonly ResiliencePropertyKey<string> DescriptionKey = new ResiliencePropertyKey<string>("linkedin.request");
        private static readonly ResiliencePropertyKey<Stopwatch> ClockKey = new ResiliencePropertyKey<Stopwatch>("linkedin.elapsed");

        public async Task<T> ExecuteAsync<T>(string description, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(DescriptionKey, description);
            context.Properties.Set(ClockKey, Stopwatch.StartNew());
            try
            {
                var outcome = await _pipeline.ExecuteOutcomeAsync(
                    async (ctx, state) =>
                    {
                        try
                        {
                            return Outcome.FromResult(await state(ctx.CancellationToken).ConfigureAwait(false));
                        }
                        catch (Exception ex)
                        {
                            return Outcome.FromException<T>(ex);
                        }
                    },
                    context,
                    call).ConfigureAwait(false);
                outcome.ThrowIfException();
                return outcome.Result!;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private bool ShouldRetry(Exception? exception, ResilienceContext context)
        {
            if (!(exception is LinkedInException linkedIn) || !linkedIn.IsTransient || context.CancellationToken.IsCancellationRequested)
            {
                return false;
            }
            var elapsed = context.Properties.GetValue(ClockKey, Stopwatch.StartNew()).Elapsed;
            var left = _options.MaxRetryTime - elapsed;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }
            var wait = RetryAfterDelay(linkedIn);
            if (wait == null)
            {
                // A throttle without a Retry-After is a daily limit: the caller's to schedule.
                return !(linkedIn is LinkedInThrottledException);
            }
            // A Retry-After (a 429's or a 5xx's) longer than the time we have left is not waited for: the error goes
            // to the caller, who can schedule a later try (the queue stores a due time).
            return wait.Value <= left;
        }

        private TimeSpan? RetryAfterDelay(Exception? exception)
        {
            if (exception is LinkedInException linkedIn && linkedIn.RetryAt.HasValue && linkedIn.IsRetryAfterFromServer)
            {
                var wait = linkedIn.RetryAt.Value - _options.Clock.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            // null lets Polly compute the exponential, jittered backoff.
            return null;
        }

        private static string Describe(ResilienceContext context) =>
            context.Properties.TryGetValue(DescriptionKey, out var description) ? description : "the call";
    }
}
