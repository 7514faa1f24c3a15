package org.pilotline.erp.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows password guessing down (OWASP ASVS 2.2.1): after {@code failuresBeforeLock} consecutive failed logins of one
 * account within {@code window}, the account is locked for {@code firstLock}; every further lock of the same account
 * doubles that, up to {@code maxLock}. While locked, every attempt is refused without the password being checked, so
 * a right guess teaches nothing; a successful login ends the series. Unknown user names are throttled alike, so a lock
 * says nothing about whether an account exists.
 * <p>
 * Kept in this replica's memory (bounded, forgotten an hour after an account's last attempt): with several replicas a
 * guesser gets at most that many times the attempts.
 */
public final class LoginThrottle {

    private record Series(int failures, Instant firstFailure, int locks, Instant lockedUntil) {
    }

    private final int failuresBeforeLock;
    private final Duration window;
    private final Duration firstLock;
    private final Duration maxLock;
    private final Cache<String, Series> series = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();

    public LoginThrottle(int failuresBeforeLock, Duration window, Duration firstLock, Duration maxLock) {
        if (failuresBeforeLock < 1) {
            throw new IllegalArgumentException("failuresBeforeLock must be at least 1");
        }
        this.failuresBeforeLock = failuresBeforeLock;
        this.window = window;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
    }

    /** How much longer the account is locked, if it is. */
    public Optional<Duration> lockedFor(String username, Instant now) {
        Series s = series.getIfPresent(key(username));
        if (s == null || s.lockedUntil() == null || !now.isBefore(s.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, s.lockedUntil()));
    }

    /** Counts a failed login; answers the lock it started, if this failure completed a series. */
    public Optional<Duration> failed(String username, Instant now) {
        Duration[] started = new Duration[1];
        series.asMap().compute(key(username), (k, s) -> {
            int locks = s == null ? 0 : s.locks();
            boolean fresh = s == null || s.firstFailure() == null || now.isAfter(s.firstFailure().plus(window));
            int failures = fresh ? 1 : s.failures() + 1;
            Instant first = fresh ? now : s.firstFailure();
            if (failures < failuresBeforeLock) {
                return new Series(failures, first, locks, s == null ? null : s.lockedUntil());
            }
            Duration lock = lockLength(locks);
            started[0] = lock;
            return new Series(0, null, locks + 1, now.plus(lock));
        });
        return Optional.ofNullable(started[0]);
    }

    /** A successful login ends the account's series of failures and its escalation. */
    public void succeeded(String username) {
        series.invalidate(key(username));
    }

    Duration lockLength(int previousLocks) {
        Duration lock = firstLock;
        for (int i = 0; i < previousLocks && lock.compareTo(maxLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(java.util.Locale.ROOT);
    }
}
