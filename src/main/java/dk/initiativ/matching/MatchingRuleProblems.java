package dk.initiativ.matching;

import java.util.List;
import java.util.Locale;

import dk.initiativ.web.FieldProblemsException;
import org.springframework.context.MessageSource;

/**
 * A decision table an admin wants to try or deploy that cannot be used: each problem names its message key, the
 * rule row (1-based, null for the whole table) and the column, and the values the message shows. Answered as 400
 * with one error per problem; nothing is deployed.
 */
class MatchingRuleProblems extends FieldProblemsException {

    /** One error of a refused table in the API: where ("xml" or "rule 3 / Team") and the message. */
    record RuleError(String field, Integer row, String column, String message) {
    }

    /** One problem; {@code args} fill the message's placeholders after the row {0} and the column {1}. */
    record Problem(String messageKey, Integer row, String column, List<String> args) {

        Object[] arguments() {
            Object[] all = new Object[2 + args.size()];
            all[0] = row == null ? "" : row;
            all[1] = column == null ? "" : column;
            for (int i = 0; i < args.size(); i++) {
                all[i + 2] = args.get(i);
            }
            return all;
        }

        /** The field an error names in the API: the table, or "rule 3 / Team". */
        String field() {
            return row == null ? "xml" : "rule " + row + (column == null ? "" : " / " + column);
        }
    }

    private final List<Problem> problems;

    MatchingRuleProblems(List<Problem> problems) {
        super("The matching rules cannot be used: " + problems);
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }

    @Override
    public String detail(MessageSource messages, Locale locale) {
        return messages.getMessage("admin.rules.error.detail", null, locale);
    }

    @Override
    public List<RuleError> errors(MessageSource messages, Locale locale) {
        return problems.stream().map(p -> new RuleError(p.field(), p.row(), p.column(),
                messages.getMessage(p.messageKey(), p.arguments(), locale))).toList();
    }
}
