package org.pilotline.plc.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The PLC gateway's settings (prefix {@code pilotline.gateway}). */
@ConfigMapping(prefix = "pilotline.gateway")
public interface GatewayConfig {

    /** Run OPC UA acquisition in this process (with database bindings: only on the replica holding the lease). Turn off when a gateway runs at the plant's edge. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Start the simulator and acquisition on a thread of their own after the application is up, so that OPC UA
     * set-up never delays readiness (the tests start them before the first test instead).
     */
    @WithDefault("true")
    boolean startInBackground();

    /** IN_PROCESS: deliver batches as CDI events in this application; EDGE: post them to the centre over HTTP. */
    @WithDefault("IN_PROCESS")
    Mode mode();

    /** The PKI folder: own/ (generated application certificate), trusted/, issuer/, rejected/. */
    @WithDefault("${user.home}/.pilotline/gateway/pki")
    String pkiDirectory();

    /** Folder of the edge gateway's store-and-forward queue and sequence blocks. */
    @WithDefault("${user.home}/.pilotline/gateway/data")
    String dataDirectory();

    /** A JSON file of machine bindings for a gateway running alone at the edge (instead of the database). */
    Optional<String> bindingsFile();

    /** Session keep-alive interval; a dead PLC server is detected within three of them. */
    @WithDefault("5S")
    Duration keepAliveInterval();

    /** Timeout of OPC UA service calls. */
    @WithDefault("10S")
    Duration requestTimeout();

    /** Session timeout asked of servers: how long they keep subscriptions for a transfer after a disconnect. */
    @WithDefault("2M")
    Duration sessionTimeout();

    /** Monitored-item queue size on the server, so that bursts between two publishes are kept. */
    @WithDefault("100")
    int queueSize();

    /** Cap of the back-off between attempts of a first connection (Milo's own reconnect caps at 16 s). */
    @WithDefault("30S")
    Duration maxReconnectDelay();

    /** How often each machine's last contact is recorded; a restarted gateway reports the gap since then as data loss. */
    @WithDefault("5S")
    Duration contactInterval();

    /** How long the acquisition lease lasts unrenewed: another replica takes over acquisition after it (database bindings). */
    @WithDefault("15S")
    Duration leaseDuration();

    /** How often the acquiring replica renews its lease (and others try to take it); also how soon binding changes made on another replica apply. */
    @WithDefault("5S")
    Duration leaseRenewal();

    /** Most PLC connections being established (connect, subscribe, create the monitored items) at once; the others wait their turn. */
    @WithDefault("8")
    int connectConcurrency();

    /** How long events are collected before a batch is delivered. */
    @WithDefault("200MS")
    Duration flushInterval();

    /** Most events in one batch. */
    @WithDefault("500")
    int maxBatchEvents();

    /**
     * IN_PROCESS: batches delivered at once, each lane (thread, queue, its share of the queue capacity) carrying the
     * events of a fixed share of the machines, so that a machine's events keep their order. EDGE delivers on one lane.
     */
    @WithDefault("4")
    int deliveryLanes();

    /** Most batches waiting for delivery (shared out among the lanes); when full, the oldest waiting one becomes data-loss events. */
    @WithDefault("10000")
    int queueCapacity();

    /** Cap of the back-off between delivery attempts of a refused batch. */
    @WithDefault("30S")
    Duration maxRetryDelay();

    /** EDGE: the centre's ingest URL, e.g. https://centre.example/api/gateway/ingest. */
    Optional<String> centreUrl();

    /** EDGE: the enterprise account (role operator) the gateway posts as. */
    Optional<String> centreUsername();

    /** EDGE: its password (environment variable PILOTLINE_GATEWAY_CENTRE_PASSWORD; never in git). */
    Optional<String> centrePassword();

    /** AES-256 key (base64 of 32 random bytes) that encrypts PLC passwords at rest; PILOTLINE_GATEWAY_SECRET_KEY, the same on every replica. */
    Optional<String> secretKey();

    /** Without secret-key: the key file, generated (owner-only) on first use; fine for a single server only. */
    @WithDefault("${user.home}/.pilotline/gateway/secret-key")
    String secretKeyFile();

    /** EDGE: the enterprise whose machines the bindings file describes. */
    Optional<String> edgeTenant();

    enum Mode { IN_PROCESS, EDGE }
}
