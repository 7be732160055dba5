package dev.keelson.scaffold;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Comment;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A pom read with the JDK's DOM parser, comments and white space kept, so that its parts are written into a generated
 * pom as the reference service and the root pom have them: with their comments and layout.
 *
 * @param project the {@code <project>} element
 */
record Pom(Element project) {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([\\w.-]+)}");

    /** One {@code <dependency>} or {@code <plugin>} element, with the comments right above it. */
    record Block(Element element) {
        /** The text of a direct child such as {@code groupId}, if present. */
        Optional<String> child(String tag) {
            return children(element, tag).stream()
                    .findFirst()
                    .map(c -> c.getTextContent().strip());
        }

        String coordinates() {
            return child("groupId").orElse("org.apache.maven.plugins") + ":"
                    + child("artifactId").orElseThrow();
        }

        /** The {@code ${name}} properties the block's values refer to. */
        List<String> properties() {
            return REFERENCE
                    .matcher(element.getTextContent())
                    .results()
                    .map(r -> r.group(1))
                    .toList();
        }

        /**
         * {@link #text()} with the direct child {@code tag}'s text set to {@code value}, followed by {@code comment}
         * when given (the parsed pom itself stays as it was).
         */
        String textWith(String tag, String value, String comment) {
            Element copy = (Element) element.cloneNode(true);
            Element child = children(copy, tag).getFirst();
            child.setTextContent(value);
            if (comment != null) {
                Node next = child.getNextSibling();
                copy.insertBefore(copy.getOwnerDocument().createTextNode("  "), next);
                copy.insertBefore(copy.getOwnerDocument().createComment(comment), next);
            }
            Node parent = element.getParentNode();
            parent.replaceChild(copy, element);
            try {
                return new Block(copy).text();
            } finally {
                parent.replaceChild(element, copy);
            }
        }

        /** The element as written, from the indentation of its first comment line (or its own) to its end tag. */
        String text() {
            Node first = element;
            for (Node n = element.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
                if (n instanceof Comment) {
                    first = n;
                } else if (!(n instanceof Text t && t.getData().isBlank() && lineBreaks(t.getData()) <= 1)) {
                    break;
                }
            }
            StringBuilder out = new StringBuilder(indentationBefore(first));
            for (Node n = first; n != element.getNextSibling(); n = n.getNextSibling()) {
                out.append(write(n));
            }
            return out.toString();
        }
    }

    /** A {@code <name>value</name>} of {@code <properties>}, with the text of the comment on its line if any. */
    record Property(String name, String value, String comment) {}

    static Pom parse(String text, String file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Pom(factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(text)))
                    .getDocumentElement());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.TEMPLATE_BROKEN, file + " is no well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The {@code <dependency>} elements of {@code <dependencies>}. */
    List<Block> dependencies() {
        return blocks(List.of("dependencies", "dependency"));
    }

    /** The {@code <dependency>} elements of {@code <dependencyManagement>}. */
    List<Block> managedDependencies() {
        return blocks(List.of("dependencyManagement", "dependencies", "dependency"));
    }

    /** The {@code <plugin>} elements of the build's {@code <pluginManagement>}. */
    List<Block> managedPlugins() {
        return blocks(List.of("build", "pluginManagement", "plugins", "plugin"));
    }

    /** What stands between the build's {@code <plugins>} and {@code </plugins>}, as written; empty when none. */
    String plugins() {
        StringBuilder out = new StringBuilder();
        for (Element plugins : path(List.of("build", "plugins"))) {
            for (Node n = plugins.getFirstChild(); n != null; n = n.getNextSibling()) {
                out.append(write(n));
            }
        }
        return out.toString();
    }

    /** The {@code <properties>} of the pom. */
    List<Property> properties() {
        List<Property> properties = new ArrayList<>();
        for (Element property :
                blocks(List.of("properties", "*")).stream().map(Block::element).toList()) {
            properties.add(new Property(property.getTagName(), property.getTextContent(), commentOnLine(property)));
        }
        return properties;
    }

    private List<Block> blocks(List<String> path) {
        return path(path).stream().map(Block::new).toList();
    }

    /** The elements at {@code path} below {@code <project>} ({@code *}: any name). */
    private List<Element> path(List<String> path) {
        List<Element> at = List.of(project);
        for (String tag : path) {
            at = at.stream().flatMap(e -> children(e, tag).stream()).toList();
        }
        return at;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag.equals("*") || e.getTagName().equals(tag))) {
                children.add(e);
            }
        }
        return children;
    }

    /** The text of a comment after {@code element} on the same line, or null. */
    private static String commentOnLine(Element element) {
        Node next = element.getNextSibling();
        if (next instanceof Text t && t.getData().isBlank() && lineBreaks(t.getData()) == 0) {
            next = next.getNextSibling();
        }
        return next instanceof Comment c ? c.getData() : null;
    }

    private static String indentationBefore(Node node) {
        if (node.getPreviousSibling() instanceof Text t) {
            String data = t.getData();
            return data.substring(data.lastIndexOf('\n') + 1);
        }
        return "";
    }

    private static long lineBreaks(String text) {
        return text.chars().filter(c -> c == '\n').count();
    }

    /** The node as XML, without a declaration. */
    static String write(Node node) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("The JDK's XML transformer failed on a parsed pom", e);
        }
    }
}
