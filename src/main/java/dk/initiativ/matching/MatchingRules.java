package dk.initiativ.matching;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.initiativ.admin.ReferenceChanges;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.MatchedCase;
import dk.initiativ.matching.MatchingRuleProblems.Problem;
import dk.initiativ.web.ConflictException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * The matching rules (issue 13, ADR 0041): the decision table {@code choose-team} that picks a case's team, as an
 * admin reads it, tries a changed table on the last cases, and deploys it as the next version. The engine parses
 * the table; then every cell is checked against what the process gives it (topic and district codes, whether
 * premises are wanted) and every team it names against the team table. The dry run evaluates the table with a
 * plain DMN engine of the same library (no decision history written). A deployment holds the DMN alone; the
 * process keeps {@code decisionRefBinding="latest"}, so a case reaching the rule task after the deployment is
 * matched by the new version, and a case that already has its team keeps it.
 */
@Service
class MatchingRules {

    static final String DECISION = "choose-team";
    static final String RESOURCE = "choose-team.dmn";
    static final String DEPLOYMENT_NAME = "matching-rules";
    /** How many of the latest cases a changed table is tried on. */
    static final int DRY_RUN_CASES = 50;

    /** The process's inputs, by the input expression the table must keep. */
    enum Column {
        TOPIC("topic"),
        DISTRICT("district"),
        PREMISES("helpWanted != null and contains(helpWanted, \"PREMISES\")");

        final String expression;

        Column(String expression) {
            this.expression = expression;
        }
    }

    /** The deployed table: its version, XML, and who deployed it when (null who: the application's own). */
    record Current(int version, String xml, String deployedBy, Instant deployedAt) {
    }

    /** One case whose team the changed table would change. */
    record Moved(String caseNumber, String fromTeam, String fromTeamName, String toTeam, String toTeamName) {
    }

    /** The dry run: how many cases were tried and those that would go to another team. */
    record DryRun(int basedOnVersion, int tried, List<Moved> moved) {
    }

    /** A deployed version. */
    record Deployed(int version, String deploymentId) {
    }

    /** One rule row as a person reads it (names, not codes). */
    record RuleRow(int number, String topics, String districts, String premises, String team, String description) {
    }

    /** A rule row as the change record keeps it: the cells as written. */
    record RuleCells(int row, List<String> inputs, String team) {
    }

    /** The change record's state of the table: its version and every rule's cells. */
    record TableState(int version, List<RuleCells> rules) {
    }

    private static final Pattern QUOTED_LIST = Pattern.compile("\"([^\"]*)\"(\\s*,\\s*\"([^\"]*)\")*");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern NEGATED = Pattern.compile("not\\s*\\((.*)\\)", Pattern.DOTALL);

    private final RepositoryService repository;
    /** The process engine's own DMN engine: it parses as a deployment would (run inside an engine command). */
    private final DmnEngine dmn;
    private final CommandExecutor commands;
    /**
     * A plain DMN engine of the same library for the dry run: the process engine's would write an entry of decision
     * history for each case tried. Built at the first dry run, not at start: its FEEL engine takes a noticeable
     * part of a second to build (ADR 0051).
     */
    private final SingletonSupplier<DmnEngine> tryOut =
            SingletonSupplier.of(() -> DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine());
    private final TeamRepository teams;
    private final CatalogService catalog;
    private final Cases cases;
    private final ReferenceChanges changes;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MessageSource messages;

    MatchingRules(ProcessEngine engine, TeamRepository teams, CatalogService catalog, Cases cases,
            ReferenceChanges changes, JdbcTemplate jdbc, Clock clock, MessageSource messages) {
        this.repository = engine.getRepositoryService();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.dmn = configuration.getDmnEngine();
        this.commands = configuration.getCommandExecutorTxRequired();
        this.teams = teams;
        this.catalog = catalog;
        this.cases = cases;
        this.changes = changes;
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
    }

    /** The latest deployed version of the table. */
    @Transactional(readOnly = true)
    public Current current() {
        DecisionDefinition definition = latest();
        String xml;
        try (InputStream in = repository.getDecisionModel(definition.getId())) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The deployed decision table cannot be read", e);
        }
        List<Map<String, Object>> who = jdbc.queryForList(
                "SELECT deployed_by, deployed_at FROM matching_rule_version WHERE version = ? AND deployment_id = ?",
                definition.getVersion(), definition.getDeploymentId());
        if (!who.isEmpty()) {
            return new Current(definition.getVersion(), xml, (String) who.get(0).get("deployed_by"),
                    ((Timestamp) who.get(0).get("deployed_at")).toInstant());
        }
        Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
                .singleResult();
        return new Current(definition.getVersion(), xml, null, deployment.getDeploymentTime().toInstant());
    }

    /** Checks a table and tries it on the last cases that got a team; refused with every problem named. */
    @Transactional(readOnly = true)
    public DryRun dryRun(String xml) {
        DmnDecision decision = check(xml);
        int version = latest().getVersion();
        Map<String, String> teamNames = teamNames();
        List<MatchedCase> tried = cases.lastMatched(DRY_RUN_CASES);
        List<Moved> moved = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (MatchedCase matched : tried) {
            String team;
            try {
                team = evaluate(decision, matched.facts().topic(), matched.facts().district(),
                        matched.facts().helpWantedCodes());
            } catch (RuntimeException e) {
                problems.add(new Problem("admin.rules.error.evaluation", null, null,
                        List.of(matched.caseNumber(), reason(e))));
                continue;
            }
            if (team == null) {
                problems.add(new Problem("admin.rules.error.noMatch", null, null, List.of(matched.caseNumber())));
            } else if (!team.equals(matched.teamCode())) {
                moved.add(new Moved(matched.caseNumber(), matched.teamCode(),
                        teamNames.getOrDefault(matched.teamCode(), matched.teamCode()), team, teamNames.get(team)));
            }
        }
        if (!problems.isEmpty()) {
            throw new MatchingRuleProblems(problems);
        }
        return new DryRun(version, tried.size(), moved);
    }

    /**
     * Deploys the table as the next version, if {@code expectedVersion} is still the latest (else 409): the DMN
     * alone, in the caller's transaction with its row in {@code matching_rule_version} and its change record.
     */
    @Transactional
    public Deployed deploy(String xml, int expectedVersion, String who) {
        check(xml);
        Current before = current();
        if (before.version() != expectedVersion) {
            throw new ConflictException("admin.rules.error.stale",
                    "Version " + expectedVersion + " of the matching rules is no longer the latest ("
                            + before.version() + ")");
        }
        int next = expectedVersion + 1;
        try {
            jdbc.update("INSERT INTO matching_rule_version (version, deployment_id, deployed_by, deployed_at)"
                    + " VALUES (?, '', ?, ?)", next, who, Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("admin.rules.error.stale", "Version " + next + " was deployed meanwhile");
        }
        Deployment deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source("admin:" + who)
                .addString(RESOURCE, xml).deploy();
        DecisionDefinition deployed = latest();
        if (deployed.getVersion() != next || !deployed.getDeploymentId().equals(deployment.getId())) {
            throw new ConflictException("admin.rules.error.stale",
                    "The engine made version " + deployed.getVersion() + ", expected " + next);
        }
        jdbc.update("UPDATE matching_rule_version SET deployment_id = ? WHERE version = ?", deployment.getId(), next);
        TableState was = state(before.xml(), before.version());
        TableState now = state(xml, next);
        changes.record(who, ReferenceKinds.MATCHING_RULE, DECISION, ReferenceKinds.UPDATE, was, now, diff(was, now));
        return new Deployed(next, deployment.getId());
    }

    /** The table's rules as a person reads them, in {@code locale}; the XML must have passed {@link #check}. */
    @Transactional(readOnly = true)
    public List<RuleRow> rows(String xml, Locale locale) {
        DecisionTable table = table(model(xml));
        Map<Column, Integer> columns = columns(table);
        Map<String, String> topics = catalog.topicNames(locale);
        Map<String, String> districts = catalog.districtNames(locale);
        Map<String, String> teamNames = teamNames();
        List<RuleRow> rows = new ArrayList<>();
        int number = 0;
        for (Rule rule : table.getRules()) {
            number++;
            List<String> cells = inputTexts(rule);
            String output = outputText(rule);
            Matcher team = QUOTED.matcher(output);
            rows.add(new RuleRow(number, names(cells.get(columns.get(Column.TOPIC)), topics, locale),
                    names(cells.get(columns.get(Column.DISTRICT)), districts, locale),
                    premises(cells.get(columns.get(Column.PREMISES)), locale),
                    team.matches() ? teamNames.getOrDefault(team.group(1), team.group(1)) : output,
                    rule.getDescription() == null ? "" : rule.getDescription().getTextContent().strip()));
        }
        return rows;
    }

    /**
     * The engine parses the table; then the decision, its columns and every cell are checked. Returns the parsed
     * decision; throws {@link MatchingRuleProblems} naming every problem.
     */
    DmnDecision check(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new MatchingRuleProblems(List.of(new Problem("admin.rules.error.empty", null, null, List.of())));
        }
        DmnDecision decision;
        try {
            DmnDecision parsed = commands.execute(context -> dmn.parseDecision(DECISION, stream(xml)));
            decision = parsed.isDecisionTable() ? tryOut.obtain().parseDecision(DECISION, stream(xml)) : parsed;
        } catch (RuntimeException e) {
            throw new MatchingRuleProblems(List.of(new Problem("admin.rules.error.parse", null, null,
                    List.of(reason(e)))));
        }
        if (!decision.isDecisionTable()) {
            throw problem("admin.rules.error.decision");
        }
        DecisionTable table = table(model(xml));
        Map<Column, Integer> columns = columns(table);
        if (table.getRules().isEmpty()) {
            throw problem("admin.rules.error.noRules");
        }
        List<Input> inputs = new ArrayList<>(table.getInputs());
        String outputLabel = label(table.getOutputs().iterator().next().getLabel(), "teamCode");
        Set<String> topics = catalog.topicNames(Locale.ROOT).keySet();
        Set<String> districts = catalog.districtNames(Locale.ROOT).keySet();
        Set<String> teamCodes = teamNames().keySet();
        List<Problem> problems = new ArrayList<>();
        int row = 0;
        for (Rule rule : table.getRules()) {
            row++;
            List<String> cells = inputTexts(rule);
            for (Map.Entry<Column, Integer> column : columns.entrySet()) {
                String label = label(inputs.get(column.getValue()).getLabel(), column.getKey().expression);
                String cell = cells.get(column.getValue());
                switch (column.getKey()) {
                    case TOPIC -> checkCodes(cell, topics, "admin.rules.error.topic", row, label, problems);
                    case DISTRICT -> checkCodes(cell, districts, "admin.rules.error.district", row, label, problems);
                    case PREMISES -> {
                        if (!(any(cell) || cell.equals("true") || cell.equals("false"))) {
                            problems.add(new Problem("admin.rules.error.boolean", row, label, List.of(cell)));
                        }
                    }
                }
            }
            String output = outputText(rule);
            Matcher team = QUOTED.matcher(output);
            if (!team.matches()) {
                problems.add(new Problem("admin.rules.error.output", row, outputLabel, List.of(output)));
            } else if (!teamCodes.contains(team.group(1))) {
                problems.add(new Problem("admin.rules.error.team", row, outputLabel, List.of(team.group(1))));
            }
        }
        if (!problems.isEmpty()) {
            throw new MatchingRuleProblems(problems);
        }
        return decision;
    }

    /** The team the table picks for these facts, or null when no rule matches. */
    String evaluate(DmnDecision decision, String topic, String district, String helpWantedCodes) {
        DmnDecisionRuleResult result = tryOut.obtain().evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("topic", topic).putValue("district", district).putValue("helpWanted", helpWantedCodes))
                .getFirstResult();
        return result == null ? null : result.getSingleEntry();
    }

    private DecisionDefinition latest() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).latestVersion()
                .singleResult();
    }

    private Map<String, String> teamNames() {
        Map<String, String> names = new LinkedHashMap<>();
        teams.findAllByOrderByNameAsc().forEach(team -> names.put(team.getCode(), team.getName()));
        return names;
    }

    private static MatchingRuleProblems problem(String key) {
        return new MatchingRuleProblems(List.of(new Problem(key, null, null, List.of())));
    }

    private static DmnModelInstance model(String xml) {
        try {
            return Dmn.readModelFromStream(stream(xml));
        } catch (RuntimeException e) {
            throw new MatchingRuleProblems(List.of(new Problem("admin.rules.error.parse", null, null,
                    List.of(reason(e)))));
        }
    }

    private static DecisionTable table(DmnModelInstance model) {
        if (!(model.getModelElementById(DECISION) instanceof Decision decision)
                || !(decision.getExpression() instanceof DecisionTable table)) {
            throw problem("admin.rules.error.decision");
        }
        return table;
    }

    /** Which input is which column; the table must keep the three inputs and the one output. */
    private static Map<Column, Integer> columns(DecisionTable table) {
        List<Input> inputs = new ArrayList<>(table.getInputs());
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        Map<Column, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            String expression = inputs.get(i).getInputExpression() == null
                    || inputs.get(i).getInputExpression().getText() == null ? ""
                    : inputs.get(i).getInputExpression().getText().getTextContent().strip();
            for (Column column : Column.values()) {
                if (column.expression.equals(expression)) {
                    columns.put(column, i);
                }
            }
        }
        if (inputs.size() != Column.values().length || columns.size() != Column.values().length
                || outputs.size() != 1 || !"teamCode".equals(outputs.get(0).getName())) {
            throw problem("admin.rules.error.columns");
        }
        return columns;
    }

    private static List<String> inputTexts(Rule rule) {
        List<String> texts = new ArrayList<>();
        for (InputEntry entry : rule.getInputEntries()) {
            texts.add(entry.getText() == null ? "" : entry.getText().getTextContent().strip());
        }
        return texts;
    }

    private static String outputText(Rule rule) {
        OutputEntry entry = rule.getOutputEntries().isEmpty() ? null : rule.getOutputEntries().iterator().next();
        return entry == null || entry.getText() == null ? "" : entry.getText().getTextContent().strip();
    }

    private static boolean any(String cell) {
        return cell.isEmpty() || cell.equals("-");
    }

    /** "-", or codes in quotes separated by commas, optionally inside not(...). */
    private static List<String> codes(String cell) {
        if (any(cell)) {
            return List.of();
        }
        Matcher negated = NEGATED.matcher(cell);
        String list = negated.matches() ? negated.group(1).strip() : cell;
        if (!QUOTED_LIST.matcher(list).matches()) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(list);
        while (quoted.find()) {
            codes.add(quoted.group(1));
        }
        return codes;
    }

    private static void checkCodes(String cell, Set<String> known, String unknownKey, int row, String column,
            List<Problem> problems) {
        List<String> codes = codes(cell);
        if (codes == null) {
            problems.add(new Problem("admin.rules.error.cell", row, column, List.of(cell)));
            return;
        }
        for (String code : codes) {
            if (!known.contains(code)) {
                problems.add(new Problem(unknownKey, row, column, List.of(code)));
            }
        }
    }

    private String names(String cell, Map<String, String> names, Locale locale) {
        List<String> codes = codes(cell);
        if (codes == null) {
            return cell;
        }
        if (codes.isEmpty()) {
            return messages.getMessage("admin.rules.any", null, locale);
        }
        String joined = String.join(", ", codes.stream().map(code -> names.getOrDefault(code, code)).toList());
        return NEGATED.matcher(cell).matches()
                ? messages.getMessage("admin.rules.allBut", new Object[] {joined}, locale) : joined;
    }

    private String premises(String cell, Locale locale) {
        return switch (cell) {
            case "true" -> messages.getMessage("admin.rules.yes", null, locale);
            case "false" -> messages.getMessage("admin.rules.no", null, locale);
            default -> any(cell) ? messages.getMessage("admin.rules.any", null, locale) : cell;
        };
    }

    private static TableState state(String xml, int version) {
        List<RuleCells> rules = new ArrayList<>();
        int row = 0;
        for (Rule rule : table(model(xml)).getRules()) {
            rules.add(new RuleCells(++row, inputTexts(rule), outputText(rule)));
        }
        return new TableState(version, rules);
    }

    /** "version 1 -> 2: rules 3, 5 changed; 1 added" as the change record's reason. */
    private static String diff(TableState was, TableState now) {
        List<Integer> changed = new ArrayList<>();
        int common = Math.min(was.rules().size(), now.rules().size());
        for (int i = 0; i < common; i++) {
            RuleCells a = was.rules().get(i);
            RuleCells b = now.rules().get(i);
            if (!a.inputs().equals(b.inputs()) || !a.team().equals(b.team())) {
                changed.add(i + 1);
            }
        }
        StringBuilder text = new StringBuilder("choose-team version " + was.version() + " -> " + now.version() + ": ");
        text.append(changed.isEmpty() ? "no rule changed" : "rules " + changed + " changed");
        int added = now.rules().size() - was.rules().size();
        if (added > 0) {
            text.append("; ").append(added).append(" added");
        } else if (added < 0) {
            text.append("; ").append(-added).append(" removed");
        }
        return text.toString();
    }

    private static String label(String label, String fallback) {
        return label == null || label.isBlank() ? fallback : label;
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The innermost cause's message: the parser's own reason (line and column) rather than the wrapper's. */
    private static String reason(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null && messages.size() < 10; t = t.getCause()) {
            if (t.getMessage() != null) {
                messages.add(t.getMessage());
            }
        }
        String deepest = messages.isEmpty() ? e.getClass().getSimpleName() : messages.get(messages.size() - 1);
        String outer = messages.isEmpty() ? "" : messages.get(0);
        String text = outer.equals(deepest) ? deepest : outer + " (" + deepest + ")";
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
