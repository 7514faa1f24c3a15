package org.pilotline.platform;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests the build generates (Quarkus's Kubernetes extension, merged with
 * {@code src/main/kubernetes/kubernetes.yml}), read with the Fabric8 model: the application's Deployment runs at least
 * two replicas in the prod profile with its three probes, resources and the metrics annotations; the edge gateway runs
 * once per plant in EDGE mode with its outbox on a volume; every variable the prod profile requires comes from the
 * config map or the operator's secret; and no secret value is written in any manifest.
 */
class KubernetesManifestsIT {

    private static final Path MANIFESTS = Path.of("target", "kubernetes", "kubernetes.json");
    private static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");
    private static final Path OPERATIONS = Path.of("..", "docs", "operations.md");

    /** What the operator puts into the secret {@code pilotline-secrets} (docs/operations.md, "Kubernetes"). */
    private static final Set<String> SECRET_KEYS = Set.of("PILOTLINE_DB_PASSWORD", "PILOTLINE_SESSION_KEY",
            "PILOTLINE_ADMIN_PASSWORD", "PILOTLINE_GATEWAY_SECRET_KEY");

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|TOKEN|CREDENTIAL).*");

    private static List<HasMetadata> resources;

    @BeforeAll
    static void read() throws IOException {
        assertTrue(Files.exists(MANIFESTS), "the build generates " + MANIFESTS.toAbsolutePath());
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        resources = json.readValue(MANIFESTS.toFile(), new TypeReference<List<HasMetadata>>() {
        });
    }

    @Test
    void theApplicationRunsOnTwoReplicasInTheProdProfileWithProbesAndResources() {
        Deployment app = deployment("pilotline");
        assertTrue(app.getSpec().getReplicas() >= 2, "replicas " + app.getSpec().getReplicas());
        assertEquals("RollingUpdate", app.getSpec().getStrategy().getType());
        assertEquals("0", app.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getStrVal(),
                "a rolling update keeps every replica serving until its successor is ready");
        Container container = onlyContainer(app);
        assertEquals("prod", literal(container, "QUARKUS_PROFILE"));
        assertProbes(container);
        assertNotNull(container.getResources().getRequests().get("cpu"), "a CPU request");
        assertNotNull(container.getResources().getRequests().get("memory"), "a memory request");
        assertNotNull(container.getResources().getLimits().get("memory"), "a memory limit");
        assertEquals(Set.of("configmap:pilotline-config", "secret:pilotline-secrets"), sources(container));

        Map<String, String> podAnnotations = app.getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals("true", podAnnotations.get("prometheus.io/scrape"));
        assertEquals("/q/metrics", podAnnotations.get("prometheus.io/path"));

        Service service = one(Service.class, "pilotline");
        assertTrue(app.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                        .containsAll(service.getSpec().getSelector().entrySet()),
                "the service selects the application's pods");
        PodDisruptionBudget budget = one(PodDisruptionBudget.class, "pilotline");
        assertEquals(1, budget.getSpec().getMinAvailable().getIntVal(), "a drain keeps one replica");
    }

    @Test
    void theEdgeGatewayRunsOncePerPlantInEdgeModeWithItsOutboxOnAVolume() {
        Deployment edge = deployment("pilotline-edge-gateway");
        assertEquals(1, edge.getSpec().getReplicas(), "exactly one edge gateway per plant");
        assertEquals("Recreate", edge.getSpec().getStrategy().getType(), "never two at once, even during an update");
        Container container = onlyContainer(edge);
        assertEquals("prod", literal(container, "QUARKUS_PROFILE"));
        assertEquals("EDGE", literal(container, "PILOTLINE_GATEWAY_MODE"));
        assertTrue(literal(container, "PILOTLINE_GATEWAY_CENTRE_URL").endsWith("/api/gateway/ingest"));
        assertProbes(container);

        String dataDirectory = literal(container, "PILOTLINE_GATEWAY_DATA_DIRECTORY");
        String bindingsFile = literal(container, "PILOTLINE_GATEWAY_BINDINGS_FILE");
        Map<String, String> mounts = container.getVolumeMounts().stream()
                .collect(Collectors.toMap(m -> m.getName(), m -> m.getMountPath()));
        var volumes = edge.getSpec().getTemplate().getSpec().getVolumes();
        String claim = volumes.stream().filter(v -> v.getPersistentVolumeClaim() != null)
                .map(v -> v.getPersistentVolumeClaim().getClaimName()).findFirst().orElseThrow();
        String dataVolume = volumes.stream().filter(v -> v.getPersistentVolumeClaim() != null)
                .map(v -> v.getName()).findFirst().orElseThrow();
        assertTrue(dataDirectory.startsWith(mounts.get(dataVolume) + "/"), "the outbox lies on the claimed volume");
        one(PersistentVolumeClaim.class, claim);
        String bindingsVolume = volumes.stream().filter(v -> v.getConfigMap() != null)
                .map(v -> v.getName()).findFirst().orElseThrow();
        assertTrue(bindingsFile.startsWith(mounts.get(bindingsVolume) + "/"), "the bindings file is the mounted one");
        assertFalse(edge.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/name")
                        .equals(one(Service.class, "pilotline").getSpec().getSelector().get("app.kubernetes.io/name")),
                "the application's service does not send requests to the edge gateway");
    }

    @Test
    void everyVariableTheProdProfileRequiresComesFromTheConfigMapOrTheSecret() throws IOException {
        Set<String> required = new TreeSet<>();
        Matcher m = Pattern.compile("^%prod\\.[^=]+=.*\\$\\{([A-Z0-9_]+)}", Pattern.MULTILINE)
                .matcher(Files.readString(PROPERTIES));
        while (m.find()) {
            required.add(m.group(1));
        }
        m = Pattern.compile("^[a-z][^=]+=\\$\\{([A-Z0-9_]+):}", Pattern.MULTILINE).matcher(Files.readString(PROPERTIES));
        while (m.find()) {
            if (SECRET_NAME.matcher(m.group(1)).matches() && !m.group(1).contains("CENTRE")) {
                required.add(m.group(1));
            }
        }
        assertTrue(required.containsAll(Set.of("PILOTLINE_DB_URL", "PILOTLINE_DB_PASSWORD")), "found " + required);
        Set<String> configured = one(ConfigMap.class, "pilotline-config").getData().keySet();
        String operations = Files.readString(OPERATIONS);
        for (String variable : required) {
            assertTrue(configured.contains(variable) || SECRET_KEYS.contains(variable),
                    variable + " (required by the prod profile) is neither in the config map nor in the secret");
            if (SECRET_KEYS.contains(variable)) {
                assertTrue(operations.contains(variable), "docs/operations.md tells the operator to set " + variable);
            }
        }
    }

    @Test
    void noManifestCarriesASecretValue() throws IOException {
        assertTrue(resources.stream().noneMatch(r -> r instanceof Secret), "secrets are created by the operator");
        for (HasMetadata r : resources) {
            if (r instanceof ConfigMap map && map.getData() != null) {
                for (String key : map.getData().keySet()) {
                    assertFalse(SECRET_NAME.matcher(key).matches(), "config map " + map.getMetadata().getName()
                            + " holds " + key + ": it belongs in a secret");
                }
            }
            if (r instanceof Deployment d) {
                for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                    for (EnvVar e : c.getEnv()) {
                        assertFalse(SECRET_NAME.matcher(e.getName()).matches() && e.getValue() != null,
                                d.getMetadata().getName() + " writes " + e.getName() + " as a literal value");
                    }
                }
            }
        }
        String text = Files.readString(MANIFESTS);
        for (String key : SECRET_KEYS) {
            assertFalse(text.contains("\"" + key + "\" :"), key + " is given a value in the manifests");
        }
    }

    private static void assertProbes(Container container) {
        assertProbe(container.getLivenessProbe(), "/q/health/live");
        assertProbe(container.getReadinessProbe(), "/q/health/ready");
        assertProbe(container.getStartupProbe(), "/q/health/started");
        int startupBudget = container.getStartupProbe().getPeriodSeconds()
                * container.getStartupProbe().getFailureThreshold();
        assertTrue(startupBudget >= 120, "a first start (migrations, process deployments) has " + startupBudget + " s");
    }

    private static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, "a probe on " + path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals(8080, probe.getHttpGet().getPort().getIntVal());
    }

    private static Set<String> sources(Container container) {
        return container.getEnvFrom().stream().map(KubernetesManifestsIT::source).collect(Collectors.toSet());
    }

    private static String source(EnvFromSource s) {
        return s.getConfigMapRef() != null ? "configmap:" + s.getConfigMapRef().getName()
                : "secret:" + s.getSecretRef().getName();
    }

    private static String literal(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue)
                .filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " sets no " + name));
    }

    private static Container onlyContainer(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static Deployment deployment(String name) {
        return one(Deployment.class, name);
    }

    private static <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> found = resources.stream().filter(type::isInstance).map(type::cast)
                .filter(r -> r.getMetadata().getName().equals(name)).toList();
        assertEquals(1, found.size(), "one " + type.getSimpleName() + " named " + name + " in " + MANIFESTS);
        return found.get(0);
    }
}
