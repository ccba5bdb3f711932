package org.luoshi.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Named;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * What the Java code names in a BPMN exists there. The {@code *Process} name classes are found by simple name wherever
 * their package is, their {@code static final} constants read by reflection, and each constant is classified by its
 * name and checked against the parsed model:
 * <ul>
 * <li>{@code KEY}: the process id; {@code MESSAGE_*}: a message name; {@code GROUP_*}: a literal candidate group;
 * {@code *_PREFIX}: a prefix of a candidate group expression, or of the business key (code only);
 * {@code DECISION_*}: a value a condition compares with; {@code VAR_*}: a process variable (read by the BPMN's
 * expressions, or carried by the code only: listed, not checked against the model);
 * a {@code List} of names: each one another constant of the class;
 * any other {@code String}: the id of an element of the process.</li>
 * <li>A static {@code …Signal(String)} method builds the name of a signal of the process.</li>
 * </ul>
 * The other way round, every identifier the BPMN's expressions read is a {@code @Named} bean of the code or a
 * {@code VAR_*} constant of the process's class, every delegate expression names a bean, and every member of a bean
 * an expression reads ({@code ${retryPolicy.taskServiceWrite}}, {@code ${ladder.fireAt(…)}}) exists on it.
 */
class ProcessNamesInBpmnTest {
    static final List<String> NAME_CLASSES = List.of("TaskAssignmentProcess", "MilestoneReportingProcess",
            "AdjustmentProcess", "EvaluationProcess", "ProposalProcess");
    static final List<String> BPMN = List.of("bpmn/task-assignment.bpmn", "bpmn/milestone-reporting.bpmn",
            "bpmn/task-adjustment.bpmn", "bpmn/plan-evaluation.bpmn", "bpmn/evaluation-proposal.bpmn");
    /** The engine's own names and EL's words, read in expressions without being ours. */
    static final Set<String> EL_WORDS = Set.of("execution", "null", "true", "false", "empty", "not", "and", "or", "eq", "ne",
            "lt", "gt", "le", "ge", "div", "mod", "instanceof");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
    private static final Pattern MEMBER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)\\s*\\.\\s*([A-Za-z_]\\w*)");

    static JavaClasses main;
    static Map<String, Class<?>> nameClasses = new LinkedHashMap<>();
    static Set<String> beans;
    /** The class of each {@code @Named} bean, by its name. */
    static Map<String, String> beanClasses = new TreeMap<>();

    @BeforeAll
    static void importMainCode() throws ClassNotFoundException {
        // only the project's own classes are needed (names, fields, annotations): resolving what they reference from
        // the class path would load half of Quarkus and Camunda
        ArchConfiguration archunit = ArchConfiguration.get();
        boolean resolving = archunit.resolveMissingDependenciesFromClassPath();
        archunit.setResolveMissingDependenciesFromClassPath(false);
        try {
            main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                    .importPackages("org.luoshi.workflow");
        } finally {
            archunit.setResolveMissingDependenciesFromClassPath(resolving);
        }
        for (String simpleName : NAME_CLASSES) {
            List<JavaClass> found = main.stream().filter(c -> c.getSimpleName().equals(simpleName)).toList();
            assertThat(found).as("exactly one main class named %s", simpleName).hasSize(1);
            nameClasses.put(simpleName, Class.forName(found.get(0).getName()));
        }
        main.stream().filter(c -> c.isAnnotatedWith(Named.class))
                .forEach(c -> beanClasses.put(c.getAnnotationOfType(Named.class).value(), c.getName()));
        beans = new TreeSet<>(beanClasses.keySet());
    }

    /** One constant of a name class and what it was recognised as. */
    record Constant(String field, Object value, String kind) {
    }

    @Test
    void everyNameClassNamesAProcessOfOneOfTheBpmnFiles() throws Exception {
        Set<String> processIds = new TreeSet<>();
        for (String resource : BPMN) {
            FlowCoverage.read(resource).getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
        }
        for (Class<?> names : nameClasses.values()) {
            assertThat(processIds).as("%s.KEY", names.getSimpleName()).contains((String) names.getField("KEY").get(null));
        }
    }

    @Test
    void everyConstantOfEveryNameClassExistsInItsBpmnAsWhatItsNameSays() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> codeOnly = new TreeMap<>();
        for (Class<?> names : nameClasses.values()) {
            Model model = Model.of((String) names.getField("KEY").get(null));
            for (Constant constant : constants(names)) {
                String where = names.getSimpleName() + "." + constant.field() + " = " + constant.value();
                String problem = check(constant, names, model);
                if (problem != null) {
                    problems.add(where + ": " + problem);
                }
                if (constant.kind().equals("variable") && !model.expressionIdentifiers.contains(constant.value())) {
                    codeOnly.computeIfAbsent(names.getSimpleName(), k -> new ArrayList<>()).add((String) constant.value());
                }
            }
        }
        // variables the BPMN never reads: the code sets and reads them through the engine; named here, not skipped
        codeOnly.forEach((names, variables) -> System.out.printf("[process names] %s: variables carried by the code only: %s%n",
                names, variables));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyNameTheBpmnExpressionsReadIsABeanOrAVariableOfItsNameClass() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<?> names : nameClasses.values()) {
            Model model = Model.of((String) names.getField("KEY").get(null));
            Set<Object> variables = constants(names).stream().filter(c -> c.kind().equals("variable")).map(Constant::value)
                    .collect(Collectors.toSet());
            for (String identifier : model.expressionIdentifiers) {
                if (!EL_WORDS.contains(identifier) && !beans.contains(identifier) && !variables.contains(identifier)) {
                    problems.add(model.key + " reads '" + identifier + "', which is neither a @Named bean nor a VAR_ of "
                            + names.getSimpleName());
                }
            }
            for (String delegate : model.delegateExpressionNames) {
                if (!beans.contains(delegate)) {
                    problems.add(model.key + " delegates to '" + delegate + "', which is no @Named bean");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPropertyOrMethodTheBpmnReadsOfABeanExistsOnIt() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Class<?> names : nameClasses.values()) {
            Model model = Model.of((String) names.getField("KEY").get(null));
            for (Map.Entry<String, Set<String>> read : model.beanMembers.entrySet()) {
                if (!beans.contains(read.getKey())) {
                    continue; // a variable's property (none today), or a name the test above already reports
                }
                Class<?> bean = Class.forName(beanClasses.get(read.getKey()));
                for (String member : read.getValue()) {
                    checked++;
                    if (!hasMember(bean, member)) {
                        problems.add(model.key + " reads " + read.getKey() + "." + member + ", which "
                                + bean.getSimpleName() + " has neither as a getter nor as a method");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("bean members read by the BPMN (retryPolicy.x, ladder.fireAt)").isPositive();
    }

    private static boolean hasMember(Class<?> bean, String member) {
        String getter = "get" + Character.toUpperCase(member.charAt(0)) + member.substring(1);
        String isGetter = "is" + Character.toUpperCase(member.charAt(0)) + member.substring(1);
        for (Method method : bean.getMethods()) {
            if (method.getName().equals(member)
                    || (method.getParameterCount() == 0 && (method.getName().equals(getter) || method.getName().equals(isGetter)))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theSignalNameTheCodeBuildsIsTheOneTheBpmnThrowsAndCatches() throws Exception {
        int checked = 0;
        for (Class<?> names : nameClasses.values()) {
            Model model = Model.of((String) names.getField("KEY").get(null));
            for (Method method : names.getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers()) && method.getName().endsWith("Signal")
                        && method.getParameterCount() == 1 && method.getParameterTypes()[0] == String.class) {
                    String built = (String) method.invoke(null, "pi-42");
                    assertThat(model.signalNames.stream().map(n -> n.replace("${execution.processInstanceId}", "pi-42")))
                            .as("%s.%s(\"pi-42\")", names.getSimpleName(), method.getName()).contains(built);
                    checked++;
                }
            }
        }
        assertThat(checked).as("signal name methods found").isPositive();
    }

    private static String check(Constant constant, Class<?> names, Model model) throws IllegalAccessException {
        Object value = constant.value();
        return switch (constant.kind()) {
            case "process" -> value.equals(model.key) ? null : "not the process id " + model.key;
            case "message" -> model.messageNames.contains(value) ? null : "no message of that name in " + model.messageNames;
            case "group" -> model.candidateGroups.contains(value) ? null : "no user task has that candidate group "
                    + model.candidateGroups;
            case "group prefix" -> model.candidateGroups.stream().anyMatch(g -> g.startsWith((String) value)) ? null
                    : "no candidate group starts with it " + model.candidateGroups;
            case "business key prefix", "variable" -> null;
            case "decision" -> model.conditionText.contains("'" + value + "'") ? null : "no condition compares with it";
            case "element" -> model.elementIds.contains(value) ? null : "no element of process " + model.key + " has that id";
            case "names" -> {
                Set<Object> others = new TreeSet<>();
                for (Constant other : constants(names)) {
                    if (!other.kind().equals("names")) {
                        others.add(other.value());
                    }
                }
                Collection<?> listed = (Collection<?>) value;
                yield others.containsAll(listed) ? null : "lists names that are no constant of the class";
            }
            default -> "unclassified: give it a prefix this test knows (" + constant.kind() + ")";
        };
    }

    static List<Constant> constants(Class<?> names) throws IllegalAccessException {
        List<Constant> constants = new ArrayList<>();
        for (Field field : names.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers) || field.isSynthetic()) {
                continue;
            }
            field.setAccessible(true);
            Object value = field.get(null);
            constants.add(new Constant(field.getName(), value, kind(field.getName(), value)));
        }
        return constants;
    }

    static String kind(String field, Object value) {
        if (value instanceof Collection<?>) {
            return "names";
        }
        if (!(value instanceof String)) {
            return "a " + value.getClass().getSimpleName();
        }
        if (field.equals("KEY")) {
            return "process";
        }
        if (field.equals("BUSINESS_KEY_PREFIX")) {
            return "business key prefix";
        }
        if (field.endsWith("_GROUP_PREFIX")) {
            return "group prefix";
        }
        if (field.startsWith("MESSAGE_")) {
            return "message";
        }
        if (field.startsWith("GROUP_")) {
            return "group";
        }
        if (field.startsWith("DECISION_")) {
            return "decision";
        }
        if (field.startsWith("VAR_")) {
            return "variable";
        }
        return "element";
    }

    /** What a process's BPMN names, read from the model and, for expressions, from its text. */
    static final class Model {
        final String key;
        final Set<String> elementIds = new TreeSet<>();
        final Set<String> messageNames = new TreeSet<>();
        final Set<String> signalNames = new TreeSet<>();
        final Set<String> candidateGroups = new TreeSet<>();
        final Set<String> delegateExpressionNames = new TreeSet<>();
        /** Identifiers read by the BPMN's expressions, and the variables it declares as inputs. */
        final Set<String> expressionIdentifiers = new TreeSet<>();
        /** {@code name.member} read by an expression: the members read of each name. */
        final Map<String, Set<String>> beanMembers = new TreeMap<>();
        String conditionText = "";

        private Model(String key) {
            this.key = key;
        }

        private static final Map<String, Model> BY_KEY = new java.util.concurrent.ConcurrentHashMap<>();

        static Model of(String key) {
            return BY_KEY.computeIfAbsent(key, Model::parse);
        }

        private static Model parse(String key) {
            for (String resource : BPMN) {
                BpmnModelInstance bpmn = FlowCoverage.read(resource);
                Process process = bpmn.getModelElementById(key);
                if (process instanceof Process) {
                    return read(key, resource, bpmn, process);
                }
            }
            throw new AssertionError("no BPMN file defines process " + key);
        }

        private static Model read(String key, String resource, BpmnModelInstance bpmn, Process process) {
            Model model = new Model(key);
            for (BaseElement element : bpmn.getModelElementsByType(BaseElement.class)) {
                if (within(element, process) && element.getId() != null) {
                    model.elementIds.add(element.getId());
                }
            }
            bpmn.getModelElementsByType(Message.class).forEach(m -> model.messageNames.add(m.getName()));
            bpmn.getModelElementsByType(Signal.class).forEach(s -> model.signalNames.add(s.getName()));
            for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
                if (within(task, process) && task.getCamundaCandidateGroups() != null) {
                    model.candidateGroups.add(task.getCamundaCandidateGroups());
                }
            }
            for (ServiceTask task : bpmn.getModelElementsByType(ServiceTask.class)) {
                if (within(task, process) && task.getCamundaDelegateExpression() != null) {
                    Matcher m = EXPRESSION.matcher(task.getCamundaDelegateExpression());
                    while (m.find()) {
                        model.delegateExpressionNames.add(m.group(1).strip());
                    }
                }
            }
            // a variable the BPMN declares (a subprocess's local input) is named by it as much as one it reads
            for (CamundaInputParameter input : bpmn.getModelElementsByType(CamundaInputParameter.class)) {
                if (within(input, process)) {
                    model.expressionIdentifiers.add(input.getCamundaName());
                }
            }
            model.conditionText = bpmn.getModelElementsByType(ConditionExpression.class).stream()
                    .filter(c -> within(c, process)).map(ConditionExpression::getTextContent).collect(Collectors.joining("\n"));
            Matcher expressions = EXPRESSION.matcher(text(resource));
            while (expressions.find()) {
                String withoutLiterals = expressions.group(1).replaceAll("'[^']*'", "''");
                Matcher identifiers = IDENTIFIER.matcher(withoutLiterals);
                while (identifiers.find()) {
                    model.expressionIdentifiers.add(identifiers.group(1));
                }
                Matcher members = MEMBER.matcher(withoutLiterals);
                while (members.find()) {
                    model.beanMembers.computeIfAbsent(members.group(1), k -> new TreeSet<>()).add(members.group(2));
                }
            }
            return model;
        }

        private static boolean within(ModelElementInstance element, Process process) {
            for (ModelElementInstance parent = element; parent != null; parent = parent.getParentElement()) {
                if (parent.equals(process)) {
                    return true;
                }
            }
            return false;
        }

        private static String text(String resource) {
            try (InputStream in = ProcessNamesInBpmnTest.class.getClassLoader().getResourceAsStream(resource)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
