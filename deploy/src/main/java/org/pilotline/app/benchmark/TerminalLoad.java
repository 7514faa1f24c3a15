package org.pilotline.app.benchmark;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Simulated terminals on one Vert.x event loop. Each terminal works through its work orders report by report, as a
 * terminal does: the next report is sent when the previous one was answered (a terminal's reports are numbered and
 * must arrive in order), so a report counts as done only with its HTTP answer, which the suite gives after its
 * transaction committed. A report whose connection failed is sent again unchanged (same client id and number), as a
 * terminal's offline queue does.
 * <p>
 * Paced mode ({@code rate > 0}) gives every terminal an even schedule of rate ÷ terminals reports per second; a
 * report's latency is then also taken from the moment it was due, so that a slow answer that delays the reports behind
 * it is counted against them too (no coordinated omission). Closed-loop mode ({@code rate = 0}) sends as fast as the
 * answers come: it measures the ceiling.
 * <p>
 * With several ports (application replicas, {@code bin/cluster-check}) terminal i starts on replica i mod n; in failover
 * mode a report whose connection failed or that was answered 503, 500 or 409 {@code concurrent-update} is sent again
 * unchanged to the next replica, as a terminal behind a load balancer would.
 */
final class TerminalLoad {

    enum Kind { START, QUANTITY, PAUSE, RESUME, FINISH }

    /** One report of the script. */
    record Step(Kind kind, long operationId, int good, int operationNo) {
    }

    /** A report as sent, and its final answer (0: never answered). */
    static final class Sent {
        final int station;
        final String clientId;
        final long sequence;
        final Step step;
        int status;

        Sent(int station, String clientId, long sequence, Step step) {
            this.station = station;
            this.clientId = clientId;
            this.sequence = sequence;
            this.step = step;
        }
    }

    /** What the run measured. */
    record Result(double measuredSeconds, long acknowledged, double reportsPerSecond, Latencies service,
                  Latencies fromSchedule, Map<Kind, Long> mix, Map<Integer, Long> refusedByStatus,
                  List<String> firstRefusals, long retries, long unanswered, int terminalsOutOfWork, List<Sent> sent,
                  long[] acknowledgedByReplica, long failovers, Map<Integer, Long> resentByStatus) {
    }

    private static final int MAX_ATTEMPTS = 5;
    /** In failover mode: 600 attempts 100 ms apart ride out a minute without a replica or a database node. */
    private static final int MAX_FAILOVER_ATTEMPTS = 600;

    private final String host;
    private final int[] ports;
    private final boolean failover;
    private final TerminalPlant plant;
    private final int quantityReports;
    private final int goodPerReport;
    private final double rate;

    TerminalLoad(String host, int port, TerminalPlant plant, int quantityReports, int goodPerReport, double rate) {
        this(host, new int[]{port}, false, plant, quantityReports, goodPerReport, rate);
    }

    /** Terminals spread over several replicas' ports; {@code failover}: resend to the next one on failure or 503. */
    TerminalLoad(String host, int[] ports, boolean failover, TerminalPlant plant, int quantityReports, int goodPerReport,
                 double rate) {
        this.host = host;
        this.ports = ports.clone();
        this.failover = failover;
        this.plant = plant;
        this.quantityReports = quantityReports;
        this.goodPerReport = goodPerReport;
        this.rate = rate;
    }

    /** The reports one operation takes: start, quantities with a pause half-way, finish with the last quantity. */
    static List<Step> script(TerminalPlant.Order order, int quantityReports, int good) {
        List<Step> steps = new ArrayList<>();
        for (long[] op : new long[][]{{order.op10(), 10}, {order.op20(), 20}}) {
            int no = (int) op[1];
            steps.add(new Step(Kind.START, op[0], 0, no));
            for (int q = 0; q < quantityReports; q++) {
                if (q == quantityReports / 2) {
                    steps.add(new Step(Kind.PAUSE, op[0], 0, no));
                    steps.add(new Step(Kind.RESUME, op[0], 0, no));
                }
                steps.add(new Step(Kind.QUANTITY, op[0], good, no));
            }
            steps.add(new Step(Kind.FINISH, op[0], good, no));
        }
        return steps;
    }

    Result run(double warmupSeconds, double measureSeconds) throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        int terminals = plant.stations.size();
        HttpClient[] clients = new HttpClient[ports.length];
        for (int i = 0; i < ports.length; i++) {
            HttpClientOptions options = new HttpClientOptions().setDefaultHost(host).setDefaultPort(ports[i])
                    .setKeepAlive(true).setTcpNoDelay(true);
            if (failover) {
                options.setConnectTimeout(2000).setIdleTimeout(30); // a replica that stops answering counts as failed
            }
            clients[i] = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(terminals + 8));
        }
        long start = System.nanoTime() + 200_000_000L;
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long measureUntil = measureFrom + (long) (measureSeconds * 1e9);
        long period = rate > 0 ? (long) (terminals * 1e9 / rate) : 0;
        Run run = new Run(vertx, clients, measureFrom, measureUntil, period, terminals);
        vertx.runOnContext(v -> {
            for (TerminalPlant.Station station : plant.stations) {
                long phase = period > 0 ? ThreadLocalRandom.current().nextLong(period) : 0;
                new Driver(run, station, start + phase).next();
            }
        });
        if (!run.done.await((long) (warmupSeconds + measureSeconds) + 300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("terminals still busy long after the measured window");
        }
        CountDownLatch closed = new CountDownLatch(1);
        vertx.close().onComplete(v -> closed.countDown());
        closed.await(30, TimeUnit.SECONDS);
        double seconds = (measureUntil - measureFrom) / 1e9;
        return new Result(seconds, run.acknowledged, run.acknowledged / seconds, run.service, run.fromSchedule, run.mix,
                run.refused, run.firstRefusals, run.retries, run.unanswered, run.outOfWork, run.sent,
                run.acknowledgedByReplica, run.failovers, run.resentByStatus);
    }

    /** State shared by the drivers; touched on the event loop only. */
    private static final class Run {
        final Vertx vertx;
        final HttpClient[] clients;
        final long[] acknowledgedByReplica;
        final long measureFrom;
        final long measureUntil;
        final long period;
        final CountDownLatch done = new CountDownLatch(1);
        final Latencies service = new Latencies();
        final Latencies fromSchedule = new Latencies();
        final Map<Kind, Long> mix = new EnumMap<>(Kind.class);
        final Map<Integer, Long> refused = new TreeMap<>();
        final List<String> firstRefusals = new ArrayList<>();
        final List<Sent> sent = new ArrayList<>();
        long acknowledged;
        long retries;
        long failovers;
        final Map<Integer, Long> resentByStatus = new TreeMap<>();
        long unanswered;
        int outOfWork;
        int running;

        Run(Vertx vertx, HttpClient[] clients, long measureFrom, long measureUntil, long period, int terminals) {
            this.vertx = vertx;
            this.clients = clients;
            this.acknowledgedByReplica = new long[clients.length];
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            this.period = period;
            this.running = terminals;
            for (Kind k : Kind.values()) {
                mix.put(k, 0L);
            }
        }

        void finished() {
            if (--running == 0) {
                done.countDown();
            }
        }
    }

    /** One terminal: its script, its numbering, its schedule. */
    private final class Driver {
        private final Run run;
        private final TerminalPlant.Station station;
        private final Iterator<TerminalPlant.Order> orders;
        private final String authorization;
        private Iterator<Step> steps = List.<Step>of().iterator();
        private long sequence;
        private long due;
        private Sent current;
        private Buffer body;
        private int attempts;
        private long sentAt;
        private int replica;

        Driver(Run run, TerminalPlant.Station station, long firstDue) {
            this.run = run;
            this.replica = station.index() % run.clients.length;
            this.station = station;
            this.orders = station.orders().iterator();
            this.authorization = "Bearer " + station.token();
            this.due = firstDue;
        }

        void next() {
            if (!steps.hasNext() && orders.hasNext()) {
                steps = script(orders.next(), quantityReports, goodPerReport).iterator();
            }
            long now = System.nanoTime();
            if (!steps.hasNext()) {
                if (now < run.measureUntil) {
                    run.outOfWork++;
                }
                run.finished();
                return;
            }
            if (Math.max(now, due) >= run.measureUntil) {
                run.finished();
                return;
            }
            Step step = steps.next();
            current = new Sent(station.index(), UUID.randomUUID().toString(), ++sequence, step);
            run.sent.add(current);
            body = Buffer.buffer(json(current));
            attempts = 0;
            if (run.period > 0 && due > now) {
                run.vertx.setTimer(Math.max(1, (due - now) / 1_000_000), t -> send());
            } else {
                if (run.period == 0) {
                    due = now;
                }
                send();
            }
        }

        private void send() {
            attempts++;
            sentAt = System.nanoTime();
            run.clients[replica].request(HttpMethod.POST, "/api/mes/reports")
                    .compose(request -> request.putHeader("Authorization", authorization)
                            .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json")
                            .send(body).compose(response -> response.body().map(b -> new Answer(response.statusCode(), b))))
                    .onComplete(answer -> {
                        if (answer.succeeded() && !(failover && sendAgain(answer.result())
                                && attempts < MAX_FAILOVER_ATTEMPTS)) {
                            answered(answer.result());
                        } else if (attempts < (failover ? MAX_FAILOVER_ATTEMPTS : MAX_ATTEMPTS)) {
                            run.retries++;
                            if (answer.succeeded()) {
                                run.resentByStatus.merge(answer.result().status(), 1L, Long::sum);
                            }
                            if (failover && run.clients.length > 1) {
                                replica = (replica + 1) % run.clients.length;
                                run.failovers++;
                            }
                            run.vertx.setTimer(100, t -> send());
                        } else {
                            run.unanswered++;
                            advance();
                        }
                    });
        }

        /**
         * Answers a terminal's offline queue resends (same client id and number, applied once however often sent): 503
         * (Retry-After), 409 concurrent-update ("try again"), and a 500 — whose report may or may not have been saved
         * (a connection lost during the commit), so only sending it again tells.
         */
        private boolean sendAgain(Answer answer) {
            return answer.status() == 503 || answer.status() == 500
                    || answer.status() == 409 && answer.body().toString().contains("/problems/concurrent-update");
        }

        private void answered(Answer answer) {
            long now = System.nanoTime();
            current.status = answer.status();
            if (now >= run.measureFrom && now < run.measureUntil) {
                if (answer.status() == 200) {
                    run.acknowledged++;
                    run.acknowledgedByReplica[replica]++;
                    run.mix.merge(current.step.kind(), 1L, Long::sum);
                    run.service.add(Math.max(0, (now - sentAt) / 1000));
                    run.fromSchedule.add(Math.max(0, (now - due) / 1000));
                }
            }
            if (answer.status() != 200) {
                run.refused.merge(answer.status(), 1L, Long::sum);
                if (run.firstRefusals.size() < 5) {
                    run.firstRefusals.add(current.step.kind() + " → " + answer.status() + " " + answer.body());
                }
            }
            advance();
        }

        private void advance() {
            due = run.period > 0 ? due + run.period : System.nanoTime();
            next();
        }

        private String json(Sent s) {
            StringBuilder b = new StringBuilder(160).append("{\"clientId\":\"").append(s.clientId)
                    .append("\",\"sequence\":").append(s.sequence).append(",\"kind\":\"").append(s.step.kind())
                    .append("\",\"operationId\":").append(s.step.operationId());
            if (s.step.good() > 0) {
                b.append(",\"good\":").append(s.step.good());
            }
            if (s.step.kind() == Kind.PAUSE) {
                b.append(",\"reasonCode\":\"").append(TerminalPlant.PAUSE_REASON).append('"');
            }
            return b.append('}').toString();
        }
    }

    private record Answer(int status, Buffer body) {
    }
}
