package dev.keelson.scaffold;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops the imports a Java file no longer uses once a feature's lines are gone (the JWT type of a removed parameter,
 * the class of a removed package), so markers never have to mark imports. JavaParser reads the file; an import counts
 * as used when its simple name is an identifier of the code outside the imports, or a word of a comment ({@code
 * {@link Jwt}}): when in doubt it stays, and the compiler has the last word in the generated-project tests. Only the
 * import lines change, so the rest of the file stays byte for byte.
 */
final class UnusedImports {
    private UnusedImports() {}

    /**
     * {@code source} without its unused single-type and single-static imports.
     *
     * @throws ScaffoldException {@link ScaffoldErrorCode#TEMPLATE_BROKEN} when the file, its features' lines removed, is no
     *     Java
     */
    static String remove(String source, String file) {
        CompilationUnit unit = parse(source, file);
        Set<String> used = usedNames(unit);
        Set<Integer> unusedLines = new HashSet<>();
        for (ImportDeclaration i : unit.getImports()) {
            if (!i.isAsterisk() && !used.contains(i.getName().getIdentifier())) {
                Range range = i.getRange().orElseThrow();
                for (int line = range.begin.line; line <= range.end.line; line++) {
                    unusedLines.add(line - 1);
                }
            }
        }
        return withoutLines(source.split("\n", -1), unusedLines);
    }

    private static CompilationUnit parse(String source, String file) {
        ParseResult<CompilationUnit> result = new JavaParser(
                        new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
                .parse(source);
        return result.getResult()
                .filter(u -> result.isSuccessful())
                .orElseThrow(() -> new ScaffoldException(
                        ScaffoldErrorCode.TEMPLATE_BROKEN,
                        file + " is no Java once its removed features' lines are gone: " + result.getProblems()));
    }

    /** The identifiers outside the import declarations, and the words of the comments. */
    private static Set<String> usedNames(CompilationUnit unit) {
        List<Range> imports =
                unit.getImports().stream().map(i -> i.getRange().orElseThrow()).toList();
        Set<String> used = new HashSet<>();
        for (JavaToken token : unit.getTokenRange().orElseThrow()) {
            if (token.getCategory().isComment()) {
                used.addAll(words(token.getText()));
            } else if (token.getCategory().isIdentifier()
                    && imports.stream()
                            .noneMatch(r -> r.contains(token.getRange().orElseThrow()))) {
                used.add(token.getText());
            }
        }
        return used;
    }

    private static List<String> words(String comment) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : (comment + " ").toCharArray()) {
            if (Character.isJavaIdentifierPart(c)) {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        return words;
    }

    /** The lines but those at {@code dropped}, and no two blank lines in a row left among the package and imports. */
    private static String withoutLines(String[] lines, Set<Integer> dropped) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean doubleBlank =
                    line.isBlank() && !out.isEmpty() && out.getLast().isBlank();
            if (!dropped.contains(i) && (!doubleBlank || !inHeader(out))) {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    /** True while only the package line, imports and blank lines were written. */
    private static boolean inHeader(List<String> written) {
        return written.stream().allMatch(l -> l.isBlank() || l.startsWith("package ") || l.startsWith("import "));
    }
}
