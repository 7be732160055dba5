package dev.keelson.scaffold;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Removes a key, with everything under it, from a YAML file, keeping the rest of the file byte for byte (comments,
 * order, quoting). SnakeYAML parses the file and says where the key and its value stand; the lines between go.
 * Comment lines right above the key go with it, so do comment lines indented under it, and so does a parent that
 * the key was the only entry of. Only block mappings are addressable (not keys under list items), which is all the
 * configuration, compose and workflow files need.
 */
final class YamlKeys {
    private YamlKeys() {}

    /** A key found by its path: the mapping that holds it and its entry there. */
    private record Entry(MappingNode owner, NodeTuple tuple) {}

    /**
     * {@code text} without the key at {@code path} ({@code spring.data.redis} is {@code redis} under {@code data}
     * under {@code spring}).
     *
     * @throws ScaffoldException {@link ScaffoldErrorCode#TEMPLATE_BROKEN} when there is no such key, or the file is no YAML
     */
    static String remove(String text, String file, String path) {
        List<Entry> chain = find(parse(text, file), List.of(path.split("\\.")))
                .orElseThrow(() -> new ScaffoldException(
                        ScaffoldErrorCode.TEMPLATE_BROKEN,
                        file + " has no key " + path + " (named in keelson-scaffold's features.txt)"));
        Entry entry = outermostLeftEmpty(chain);
        if (entry.owner().getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.TEMPLATE_BROKEN,
                    file + ": " + path + " stands in a flow mapping ({...}): write it as a block mapping");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        Node key = entry.tuple().getKeyNode();
        int column = key.getStartMark().getColumn();
        int first = commentsAbove(lines, key.getStartMark().getLine(), column);
        int last = commentsUnder(lines, lastLine(entry.tuple().getValueNode(), lines), column);
        lines.subList(first, last + 1).clear();
        return String.join("\n", lines);
    }

    private static List<Node> parse(String text, String file) {
        try {
            List<Node> documents = new ArrayList<>();
            new Yaml().composeAll(new StringReader(text)).forEach(documents::add);
            return documents;
        } catch (YAMLException e) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.TEMPLATE_BROKEN, file + " is no valid YAML: " + e.getMessage(), e);
        }
    }

    /** The entries from the document's top down to the key at {@code keys}, in the first document that has it. */
    private static Optional<List<Entry>> find(List<Node> documents, List<String> keys) {
        for (Node document : documents) {
            List<Entry> chain = new ArrayList<>();
            Node at = document;
            for (String name : keys) {
                Optional<NodeTuple> tuple = at instanceof MappingNode map ? entry(map, name) : Optional.empty();
                if (tuple.isEmpty()) {
                    break;
                }
                chain.add(new Entry((MappingNode) at, tuple.get()));
                at = tuple.get().getValueNode();
            }
            if (chain.size() == keys.size()) {
                return Optional.of(chain);
            }
        }
        return Optional.empty();
    }

    private static Optional<NodeTuple> entry(MappingNode map, String name) {
        return map.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode key
                        && key.getValue().equals(name))
                .findFirst();
    }

    /** The key itself, or the outermost parent (below the document) that would be left with no entry. */
    private static Entry outermostLeftEmpty(List<Entry> chain) {
        int at = chain.size() - 1;
        while (at > 0 && chain.get(at).owner().getValue().size() == 1) {
            at--;
        }
        return chain.get(at);
    }

    /** The last line of a value: of its last scalar, for block collections. */
    private static int lastLine(Node value, List<String> lines) {
        if (value.getEndMark() != null && isBlock(value)) {
            Node lastChild = switch (value) {
                case MappingNode map -> map.getValue().getLast().getValueNode();
                case SequenceNode sequence -> sequence.getValue().getLast();
                default -> null;
            };
            if (lastChild != null) {
                return lastLine(lastChild, lines);
            }
        }
        int line = value.getEndMark().getLine();
        if (value.getEndMark().getColumn() == 0 && line > value.getStartMark().getLine()) {
            line--; // a block scalar (| or >) ends at the start of the line after it
        }
        while (line > value.getStartMark().getLine() && lines.get(line).isBlank()) {
            line--;
        }
        return line;
    }

    private static boolean isBlock(Node value) {
        return switch (value) {
            case MappingNode map ->
                map.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                        && !map.getValue().isEmpty();
            case SequenceNode sequence ->
                sequence.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                        && !sequence.getValue().isEmpty();
            default -> false;
        };
    }

    /** The first of the comment lines at {@code column} right above {@code line}, or {@code line}. */
    private static int commentsAbove(List<String> lines, int line, int column) {
        int first = line;
        while (first > 0 && isComment(lines.get(first - 1)) && indent(lines.get(first - 1)) == column) {
            first--;
        }
        return first;
    }

    /** The last of the comment lines indented deeper than {@code column} that follow {@code line}, or {@code line}. */
    private static int commentsUnder(List<String> lines, int line, int column) {
        int last = line;
        for (int i = line + 1; i < lines.size(); i++) {
            String next = lines.get(i);
            if (isComment(next) && indent(next) > column) {
                last = i;
            } else if (!next.isBlank()) {
                break;
            }
        }
        return last;
    }

    private static boolean isComment(String line) {
        return line.stripLeading().startsWith("#");
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
