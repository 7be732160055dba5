package dev.keelson.reference.graphql;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses, before it runs, an operation that selects more than {@code maxFields} fields or uses more than
 * {@code maxAliases} aliases, counting every fragment as often as it is spread (so {@code a1: me {id} a2: me {id}
 * ...} and fragment bombs are both caught). Complexity alone lets through a thousand aliases of a cheap field, each
 * resolved on its own. Fragments are counted once each and their totals reused, so counting is linear in the
 * document however the fragments nest.
 */
final class SelectionLimit extends SimplePerformantInstrumentation {
    private final long maxFields;
    private final long maxAliases;

    SelectionLimit(long maxFields, long maxAliases) {
        this.maxFields = maxFields;
        this.maxAliases = maxAliases;
    }

    /** Fields and aliases of a selection, fragments expanded. */
    private record Count(long fields, long aliases) {
        Count plus(Count other) {
            return new Count(
                    Math.min(fields + other.fields, Long.MAX_VALUE / 4),
                    Math.min(aliases + other.aliases, Long.MAX_VALUE / 4));
        }
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Count count = count(context.getOperationDefinition().getSelectionSet(), context, new HashMap<>());
        if (count.fields() > maxFields || count.aliases() > maxAliases) {
            throw new AbortExecutionException("The query selects " + count.fields() + " fields with " + count.aliases()
                    + " aliases; the limits are " + maxFields + " fields and " + maxAliases + " aliases");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private Count count(SelectionSet set, ExecutionContext context, Map<String, Count> fragments) {
        Count total = new Count(0, 0);
        if (set == null) {
            return total;
        }
        for (Selection<?> selection : set.getSelections()) {
            total = total.plus(
                    switch (selection) {
                        case Field field ->
                            new Count(1, field.getAlias() == null ? 0 : 1)
                                    .plus(count(field.getSelectionSet(), context, fragments));
                        case InlineFragment inline -> count(inline.getSelectionSet(), context, fragments);
                        case FragmentSpread spread -> fragment(spread.getName(), context, fragments);
                        default -> new Count(0, 0);
                    });
        }
        return total;
    }

    /** Validation has refused cycles and unknown fragments before execution begins. */
    private Count fragment(String name, ExecutionContext context, Map<String, Count> fragments) {
        Count known = fragments.get(name);
        if (known == null) {
            var definition = context.getFragment(name);
            known = definition == null ? new Count(0, 0) : count(definition.getSelectionSet(), context, fragments);
            fragments.put(name, known);
        }
        return known;
    }
}
