package org.pilotline.bpm.versions;

import org.pilotline.platform.problem.FieldError;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an enterprise's own version of a process model may contain. The engine runs a model with the rights of the
 * whole suite, so a model uploaded by one enterprise must not run code or reach beyond its tenant: no scripts, no Java
 * classes or free expressions as delegates (only the delegates the shared templates use), no call activities or
 * decisions of another tenant, and expressions that compare variables but cannot navigate or call (no '.', '(' or '[',
 * no assignment). Its process must be the model's key, executable, with a history time to live. Plain Java on a DOM;
 * every problem names the field {@code bpmn}.
 */
public final class ModelVersionRules {

    public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private static final Set<String> FORBIDDEN_BPMN_ELEMENTS = Set.of("scriptTask", "script", "callActivity");
    private static final Set<String> FORBIDDEN_CAMUNDA_ELEMENTS = Set.of("script", "connector", "expression");
    private static final Set<String> FORBIDDEN_CAMUNDA_ATTRIBUTES = Set.of("class", "expression", "resource",
            "decisionRefTenantId", "calledElementTenantId", "variableMappingClass",
            "variableMappingDelegateExpression", "caseRefTenantId");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern LITERALS = Pattern.compile("'[^']*'|\"[^\"]*\"|\\d+\\.\\d+");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_\\s!<>=&|+\\-*/%?:]*");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?<![=!<>])=(?!=)");
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");

    private ModelVersionRules() {
    }

    public static List<FieldError> problems(Document model, String key, Set<String> allowedDelegates) {
        List<String> problems = new ArrayList<>();
        Element root = model.getDocumentElement();
        if (!BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            return List.of(new FieldError("bpmn", "is not a BPMN 2.0 model (bpmn:definitions)"));
        }
        NodeList processes = model.getElementsByTagNameNS(BPMN, "process");
        if (processes.getLength() != 1) {
            problems.add("must contain exactly one process, not " + processes.getLength());
        } else {
            Element process = (Element) processes.item(0);
            if (!key.equals(process.getAttribute("id"))) {
                problems.add("its process id must be '" + key + "', not '" + process.getAttribute("id") + "'");
            }
            if (!"true".equals(process.getAttribute("isExecutable"))) {
                problems.add("its process must be executable (isExecutable=\"true\")");
            }
            if (process.getAttributeNS(CAMUNDA, "historyTimeToLive").isBlank()) {
                problems.add("its process needs camunda:historyTimeToLive");
            }
        }
        walk(root, allowedDelegates, problems);
        return problems.stream().distinct().map(p -> new FieldError("bpmn", p)).toList();
    }

    private static void walk(Element element, Set<String> allowedDelegates, List<String> problems) {
        String ns = element.getNamespaceURI();
        String name = element.getLocalName();
        if (BPMN.equals(ns) && FORBIDDEN_BPMN_ELEMENTS.contains(name)) {
            problems.add("bpmn:" + name + " is not allowed in an enterprise's version");
        }
        if (CAMUNDA.equals(ns) && FORBIDDEN_CAMUNDA_ELEMENTS.contains(name)) {
            problems.add("camunda:" + name + " is not allowed in an enterprise's version");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (CAMUNDA.equals(attribute.getNamespaceURI()) && FORBIDDEN_CAMUNDA_ATTRIBUTES.contains(local)) {
                problems.add("camunda:" + local + " is not allowed in an enterprise's version (on '"
                        + element.getAttribute("id") + "')");
            } else if (CAMUNDA.equals(attribute.getNamespaceURI()) && "delegateExpression".equals(local)) {
                Matcher delegate = DELEGATE.matcher(attribute.getValue().trim());
                if (!delegate.matches() || !allowedDelegates.contains(delegate.group(1))) {
                    problems.add("delegate " + attribute.getValue() + " is not one of the suite's ("
                            + String.join(", ", allowedDelegates.stream().sorted().toList()) + ")");
                }
            } else {
                checkExpressions(attribute.getValue(), problems);
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(e, allowedDelegates, problems);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                checkExpressions(child.getNodeValue(), problems);
            }
        }
    }

    private static void checkExpressions(String text, List<String> problems) {
        if (text == null || (!text.contains("${") && !text.contains("#{"))) {
            return;
        }
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String body = LITERALS.matcher(expression.group(1)).replaceAll("0");
            if (!SAFE.matcher(body).matches() || ASSIGNMENT.matcher(body).find()) {
                problems.add("expression " + expression.group() + " may only compare variables and literals"
                        + " (no '.', '(', '[' or assignment)");
            }
        }
    }
}
