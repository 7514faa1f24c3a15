package org.pilotline.mes.report;

import org.junit.jupiter.api.Test;
import org.pilotline.platform.problem.ServerBusyException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports are applied at most {@code concurrency} at once; one that cannot get its turn in time is refused unstarted. */
class ReportAdmissionTest {

    private static ReportAdmission admission(int concurrency, Duration timeout) {
        ReportAdmission a = new ReportAdmission();
        a.configure(concurrency, timeout);
        return a;
    }

    @Test
    void noMoreReportsRunAtOnceThanTheBoundAndEveryOneRuns() throws Exception {
        ReportAdmission admission = admission(3, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int n = i;
                answers.add(pool.submit(() -> admission.admit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return n;
                })));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(i, answers.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, most.get(), "12 threads competed for 3 turns");
    }

    @Test
    void aReportThatWaitsLongerThanTheTimeoutIsRefusedWithoutRunning() throws Exception {
        ReportAdmission admission = admission(1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> admission.admit(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        AtomicInteger ran = new AtomicInteger();
        assertThrows(ServerBusyException.class, () -> admission.admit(ran::incrementAndGet));
        assertEquals(0, ran.get());
        release.countDown();
        holder.join(10_000);
        // the turn was given back: the next report runs
        assertEquals(1, admission.admit(ran::incrementAndGet));
    }

    @Test
    void aReportThatFailsGivesItsTurnBack() {
        ReportAdmission admission = admission(1, Duration.ofMillis(200));
        assertThrows(IllegalStateException.class, () -> admission.admit(() -> {
            throw new IllegalStateException("refused");
        }));
        assertEquals("next", admission.admit(() -> "next"));
    }
}
