package io.east.streams;

import io.east.core.batch.WeightingSettings;
import io.east.core.weight.Scope;
import io.east.schemas.topics.EastTopics;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything that decides what the streams app computes. Two apps with equal settings over the same sample log
 * produce the same groups and weights.
 *
 * @param experiment    null for the main app; else its own application id, state and output topics
 * @param weighting     strategy, alpha, scope, clustering, keep rules and seed
 * @param groupTimeout  a group idle this long (wall clock) completes with what it has, or is discarded as incomplete
 * @param minSamples    the fewest samples a timed-out group needs to be analysed
 * @param lateRetention how long a completed task is remembered, to recognise its late samples
 * @param statsEvery    kept groups per WeightStats record under the ema and fixed scopes (window:K uses K)
 * @param windowTimeout under window:K, a partly filled window with no new kept group for this long (wall clock) is
 *                      closed with what it holds, its weights of mean 1 over them; {@link Duration#ZERO} never closes
 *                      one early, so only the log decides the windows
 */
public record StreamsSettings(String experiment, WeightingSettings weighting, Duration groupTimeout, int minSamples,
        Duration lateRetention, int statsEvery, Duration windowTimeout) {

    public static final Duration DEFAULT_GROUP_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MIN_SAMPLES = 2;
    public static final Duration DEFAULT_LATE_RETENTION = Duration.ofDays(1);
    public static final Duration DEFAULT_WINDOW_TIMEOUT = Duration.ofMinutes(5);

    public StreamsSettings {
        Objects.requireNonNull(weighting, "weighting");
        if (experiment != null) {
            EastTopics.validateExperiment(experiment);
        }
        if (weighting.scope() instanceof Scope.Dataset) {
            throw new IllegalArgumentException(
                    "scope dataset needs the whole file: it is for the batch tool only; use window:K, ema:BETA or fixed:C");
        }
        if (groupTimeout.isNegative() || groupTimeout.isZero()) {
            throw new IllegalArgumentException("group timeout must be positive, got " + groupTimeout);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("min samples must be >= 1, got " + minSamples);
        }
        if (lateRetention.isNegative()) {
            throw new IllegalArgumentException("late retention must not be negative, got " + lateRetention);
        }
        if (statsEvery < 1) {
            throw new IllegalArgumentException("stats every must be >= 1, got " + statsEvery);
        }
        if (windowTimeout == null || windowTimeout.isNegative()) {
            throw new IllegalArgumentException("window timeout must be >= 0, got " + windowTimeout);
        }
    }

    /** Without a window timeout: windows close only when full, as a replay of the log decides them. */
    public StreamsSettings(String experiment, WeightingSettings weighting, Duration groupTimeout, int minSamples,
            Duration lateRetention, int statsEvery) {
        this(experiment, weighting, groupTimeout, minSamples, lateRetention, statsEvery, Duration.ZERO);
    }

    /** Whether partly filled windows are closed after {@link #windowTimeout} without a new kept group. */
    public boolean closesIdleWindows() {
        return weighting.scope() instanceof Scope.Window && !windowTimeout.isZero();
    }

    /** How often an idle partial window is looked for: within a tenth of the timeout, at most once a second. */
    public Duration windowCheckInterval() {
        return Duration.ofMillis(Math.max(100, Math.min(1_000, windowTimeout.toMillis() / 10)));
    }

    public boolean isExperiment() {
        return experiment != null;
    }

    public String applicationId() {
        return isExperiment() ? "east-streams-" + experiment : "east-streams";
    }

    /** Who sends dead letters, e.g. {@code streams:main}. */
    public String component() {
        return "streams:" + (isExperiment() ? experiment : "main");
    }

    public String weightedTopic() {
        return EastTopics.WEIGHTED.forExperiment(experiment).name();
    }

    public String weightStatsTopic() {
        return EastTopics.WEIGHT_STATS.forExperiment(experiment).name();
    }

    /** Kept groups per normalisation or statistics window. */
    public int windowSize() {
        return weighting.scope() instanceof Scope.Window window ? window.size() : statsEvery;
    }

    /** How often open groups are checked for the timeout: often enough to honour it within a tenth of it. */
    public Duration timeoutCheckInterval() {
        long millis = Math.max(100, Math.min(1_000, groupTimeout.toMillis() / 10));
        return Duration.ofMillis(millis);
    }
}
