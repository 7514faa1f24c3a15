package org.pilotline.bpm.platform;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DrgElement;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Models stay editable in Camunda Modeler: every .bpmn and .dmn of the module parses with Camunda's model API, has
 * diagram information for every flow node, sequence flow and decision, uses only BPMN/DMN, their diagram namespaces
 * and Camunda 7's own extension namespace, gives every process and decision a history time to live (the engine
 * refuses a deployment without one), and is deployed (listed in {@link ProcessModels}).
 */
class ProcessModelDiagramTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    private static final Set<String> BPMN_NAMESPACES = Set.of(
            "http://www.omg.org/spec/BPMN/20100524/MODEL",
            "http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC",
            "http://www.omg.org/spec/DD/20100524/DI",
            "http://camunda.org/schema/1.0/bpmn",
            "http://www.w3.org/2001/XMLSchema-instance");

    private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    private static final Set<String> DMN_NAMESPACES = Set.of(
            "https://www.omg.org/spec/DMN/20191111/MODEL/",
            DMNDI,
            "http://www.omg.org/spec/DMN/20180521/DC/",
            "http://www.omg.org/spec/DMN/20180521/DI/",
            "http://camunda.org/schema/1.0/dmn");

    @Test
    void everyBpmnModelHasADiagramCoveringEveryFlowNodeAndSequenceFlow() throws Exception {
        List<Path> models = files("bpmn", ".bpmn");
        assertFalse(models.isEmpty(), "no BPMN model found under " + RESOURCES.toAbsolutePath());
        for (Path model : models) {
            BpmnModelInstance instance;
            try (InputStream in = Files.newInputStream(model)) {
                instance = Bpmn.readModelFromStream(in);
            }
            Set<String> shapes = instance.getModelElementsByType(BpmnShape.class).stream()
                    .map(BpmnShape::getBpmnElement).filter(e -> e != null).map(BaseElement::getId)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> edges = instance.getModelElementsByType(BpmnEdge.class).stream()
                    .map(BpmnEdge::getBpmnElement).filter(e -> e != null).map(BaseElement::getId)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> nodes = ids(instance.getModelElementsByType(FlowNode.class).stream().map(BaseElement::getId));
            Set<String> flows = ids(instance.getModelElementsByType(SequenceFlow.class).stream().map(BaseElement::getId));
            nodes.removeAll(shapes);
            flows.removeAll(edges);
            assertEquals(Set.of(), nodes, model + ": flow nodes without a shape");
            assertEquals(Set.of(), flows, model + ": sequence flows without an edge");
            for (Process process : instance.getModelElementsByType(Process.class)) {
                assertNotNull(process.getCamundaHistoryTimeToLiveString(), model + ": process " + process.getId()
                        + " needs camunda:historyTimeToLive");
                assertTrue(process.isExecutable(), model + ": process " + process.getId() + " is not executable");
            }
            assertEquals(List.of(), foreignNamespaces(model, BPMN_NAMESPACES), model + ": non-standard extensions");
        }
    }

    @Test
    void everyDecisionModelHasADiagramCoveringEveryDecision() throws Exception {
        List<Path> models = files("dmn", ".dmn");
        assertFalse(models.isEmpty(), "no DMN model found under " + RESOURCES.toAbsolutePath());
        for (Path model : models) {
            DmnModelInstance instance;
            try (InputStream in = Files.newInputStream(model)) {
                instance = Dmn.readModelFromStream(in);
            }
            Set<String> elements = ids(instance.getModelElementsByType(DrgElement.class).stream()
                    .map(DrgElement::getId));
            assertFalse(elements.isEmpty(), model + ": no decision");
            for (Decision decision : instance.getModelElementsByType(Decision.class)) {
                assertNotNull(decision.getCamundaHistoryTimeToLiveString(), model + ": decision " + decision.getId()
                        + " needs camunda:historyTimeToLive");
            }
            Document dom = parse(model);
            NodeList shapes = dom.getElementsByTagNameNS(DMNDI, "DMNShape");
            for (int i = 0; i < shapes.getLength(); i++) {
                elements.remove(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
            }
            assertEquals(Set.of(), elements, model + ": decisions without a shape");
            assertEquals(List.of(), foreignNamespaces(model, DMN_NAMESPACES), model + ": non-standard extensions");
        }
    }

    @Test
    void everyModelFileIsDeployedAndEveryDeployedModelExists() throws IOException {
        Set<String> files = new TreeSet<>();
        Stream.concat(files("bpmn", ".bpmn").stream(), files("dmn", ".dmn").stream())
                .map(p -> RESOURCES.relativize(p).toString().replace('\\', '/')).forEach(files::add);
        assertEquals(files, new TreeSet<>(ProcessModels.RESOURCES));
    }

    private static Set<String> ids(Stream<String> ids) {
        return ids.collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        Path dir = RESOURCES.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Document parse(Path model) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(model)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    /** Elements and attributes in namespaces other than the allowed ones (unqualified attributes are fine). */
    private static List<String> foreignNamespaces(Path model, Set<String> allowed) throws Exception {
        List<String> foreign = new ArrayList<>();
        collect(parse(model).getDocumentElement(), allowed, foreign);
        return foreign;
    }

    private static void collect(Element element, Set<String> allowed, List<String> foreign) {
        if (!allowed.contains(element.getNamespaceURI())) {
            foreign.add("<" + element.getTagName() + "> in " + element.getNamespaceURI());
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            if (ns != null && !"http://www.w3.org/2000/xmlns/".equals(ns) && !allowed.contains(ns)) {
                foreign.add("@" + attribute.getName() + " in " + ns);
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                collect((Element) children.item(i), allowed, foreign);
            }
        }
    }
}
