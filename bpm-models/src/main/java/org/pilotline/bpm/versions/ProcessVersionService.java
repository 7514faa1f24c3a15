package org.pilotline.bpm.versions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.xml.ModelException;
import org.pilotline.bpm.platform.ProcessModels;
import org.pilotline.platform.journal.JournalService;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Per-enterprise versions of the process models. Every model is a shared template, deployed under each enterprise's
 * tenant id; an enterprise may deploy its own (to-be) version of one, a Camunda tenant-specific deployment named
 * {@code enterprise:<key>}. The highest version of the tenant is the one its new instances start with; running
 * instances keep the version they started with, and every version stays in the history beside the others.
 */
@ApplicationScoped
public class ProcessVersionService {

    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{([A-Za-z][A-Za-z0-9_]*)}\"");

    /** What {@link #deploy} answers: the version, and whether it was new or the current one already. */
    public record Deployed(ProcessVersionView version, boolean created) {
    }

    public record ProcessModelView(String key, String name, int versions, ProcessVersionView current) {
    }

    @Inject
    RepositoryService repository;

    @Inject
    HistoryService history;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    JournalService journal;

    private volatile Set<String> templateDelegates;

    public List<ProcessModelView> models() {
        String enterprise = tenant.requireEnterprise();
        return ProcessModels.PROCESS_KEYS.stream().map(key -> {
            List<ProcessVersionView> versions = versionsOf(enterprise, key);
            ProcessVersionView current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
            return new ProcessModelView(key, current == null ? null : current.name(), versions.size(), current);
        }).toList();
    }

    public List<ProcessVersionView> versions(String key) {
        return versionsOf(tenant.requireEnterprise(), requireKnown(key));
    }

    /** The XML of one version, as it was deployed (to edit into a new one in Camunda Modeler). */
    public InputStream model(String key, int version) {
        String enterprise = tenant.requireEnterprise();
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(requireKnown(key))
                .tenantIdIn(enterprise).processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw DomainException.notFound("Version of process model " + key, version);
        }
        return repository.getProcessModel(definition.getId());
    }

    /**
     * Deploys the enterprise's own version of a model; from now on its new instances start with it. The same XML as
     * the current enterprise version deploys nothing (duplicate filtering) and answers that version. 400 naming
     * {@code bpmn} for a model that does not parse or breaks {@link ModelVersionRules}.
     */
    @Transactional
    public Deployed deploy(String key, ProcessVersionRequest request) {
        String enterprise = tenant.requireEnterprise();
        requireKnown(key);
        Document dom = parse(request.bpmn());
        List<FieldError> problems = ModelVersionRules.problems(dom, key, templateDelegates());
        if (!problems.isEmpty()) {
            throw DomainException.invalid("invalid-model", "The process model cannot be deployed",
                    problems.toArray(FieldError[]::new));
        }
        try {
            Bpmn.readModelFromStream(new ByteArrayInputStream(request.bpmn().getBytes(StandardCharsets.UTF_8)));
        } catch (ModelException e) {
            throw invalid("does not parse as BPMN 2.0: " + e.getMessage());
        }
        List<ProcessDefinition> deployed;
        try {
            deployed = repository.createDeployment().name(ProcessModels.ENTERPRISE_DEPLOYMENT_PREFIX + key)
                    .tenantId(enterprise).source("enterprise").enableDuplicateFiltering(false)
                    .addString(key + ".bpmn", request.bpmn()).deployWithResult().getDeployedProcessDefinitions();
        } catch (ParseException e) {
            throw invalid("the engine refuses it: " + e.getMessage());
        }
        List<ProcessVersionView> versions = versionsOf(enterprise, key);
        ProcessVersionView current = versions.get(versions.size() - 1);
        boolean created = deployed != null && !deployed.isEmpty();
        if (created) {
            journal.record(caller.username(), "process-version-deployed", "process-model:" + key,
                    "Version " + current.version() + " of " + key + " deployed for the enterprise; new instances"
                            + " start with it");
        }
        return new Deployed(current, created);
    }

    private List<ProcessVersionView> versionsOf(String enterprise, String key) {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .tenantIdIn(enterprise).orderByProcessDefinitionVersion().asc().list();
        if (definitions.isEmpty()) {
            return List.of();
        }
        Map<String, Deployment> deployments = repository.createDeploymentQuery().tenantIdIn(enterprise).list()
                .stream().collect(Collectors.toMap(Deployment::getId, Function.identity()));
        int latest = definitions.stream().mapToInt(ProcessDefinition::getVersion).max().orElse(0);
        return definitions.stream().map(d -> {
            Deployment deployment = deployments.get(d.getDeploymentId());
            boolean own = deployment != null && deployment.getName() != null
                    && deployment.getName().startsWith(ProcessModels.ENTERPRISE_DEPLOYMENT_PREFIX);
            var instances = history.createHistoricProcessInstanceQuery().processDefinitionId(d.getId());
            long all = instances.count();
            long active = history.createHistoricProcessInstanceQuery().processDefinitionId(d.getId()).active().count();
            long completed = history.createHistoricProcessInstanceQuery().processDefinitionId(d.getId()).completed()
                    .count();
            return new ProcessVersionView(key, d.getVersion(), d.getId(), d.getName(), own ? "ENTERPRISE" : "TEMPLATE",
                    deployment == null || deployment.getDeploymentTime() == null ? null
                            : deployment.getDeploymentTime().toInstant(),
                    d.getVersion() == latest, all, active, completed);
        }).sorted(Comparator.comparingInt(ProcessVersionView::version)).toList();
    }

    private static String requireKnown(String key) {
        if (!ProcessModels.PROCESS_KEYS.contains(key)) {
            throw DomainException.notFound("Process model", key);
        }
        return key;
    }

    /** The delegates the shared templates call: the only ones an enterprise's version may call. */
    private Set<String> templateDelegates() {
        Set<String> delegates = templateDelegates;
        if (delegates == null) {
            delegates = new TreeSet<>();
            for (String resource : ProcessModels.RESOURCES) {
                if (!resource.endsWith(".bpmn")) {
                    continue;
                }
                try (InputStream in = ProcessModels.class.getClassLoader().getResourceAsStream(resource)) {
                    Matcher m = DELEGATE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        delegates.add(m.group(1));
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("cannot read " + resource, e);
                }
            }
            templateDelegates = Set.copyOf(delegates);
        }
        return delegates;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (org.xml.sax.SAXException e) {
            throw invalid("is not well-formed XML: " + e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }

    private static DomainException invalid(String message) {
        return DomainException.invalid("invalid-model", "The process model cannot be deployed",
                new FieldError("bpmn", message));
    }
}
