package io.aio4j.apicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every {@code java} code block of the README compiles against the library modules alone (this
 * module's class path: the libraries, their dependencies and JUnit — not the samples).
 *
 * <p>A block says how it compiles in an HTML comment right before it, which the rendered README does
 * not show:
 * <pre>
 * &lt;!-- compile: KIND [class=Name]
 * declarations the block refers to but does not show (imports, fields, helper methods)
 * --&gt;
 * </pre>
 * KIND is {@code file} (a whole compilation unit), {@code members} (the body of a class),
 * {@code body} (the statements of a method that may throw anything) or {@code members+body}
 * (members, a line {@code ...}, then statements). The class is {@code Name} ({@code Snippet} by
 * default), so a block's method references to it resolve. In a block, {@code { ... }} stands for an
 * elided body. Each block gets its own package and the imports in {@link #IMPORTS}.
 */
class ReadmeSnippetsTest {
    private static final List<String> IMPORTS = List.of(
            "io.aio4j.*", "io.aio4j.sync.*", "io.aio4j.queue.*", "io.aio4j.net.*", "io.aio4j.http.*",
            "io.aio4j.ws.*", "io.aio4j.files.*", "io.aio4j.bridge.*", "io.aio4j.bridge.lowlevel.*",
            "io.aio4j.testkit.*", "java.util.List", "java.util.ArrayList", "java.util.Map",
            "java.time.Duration", "static org.junit.jupiter.api.Assertions.*");
    private static final Pattern DIRECTIVE = Pattern.compile(
            "<!-- compile: (file|members|body|members\\+body)(?: class=(\\w+))?\\s*$");
    private static final Pattern TYPE_NAME = Pattern.compile(
            "^(?:public\\s+)?(?:final\\s+)?(?:class|interface|record|enum)\\s+(\\w+)", Pattern.MULTILINE);

    /** One generated compilation unit, and where its block's lines start in it and in the README. */
    private record Unit(String name, String source, int firstBlockLine, int readmeLine) {}

    @Test
    void everyJavaBlockInTheReadmeCompiles() throws IOException {
        Path readme = Path.of(System.getProperty("aio4j.readme", "../README.md"));
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int open = i;
            int close = open + 1;
            while (!lines.get(close).strip().equals("```")) {
                close++;
            }
            units.add(unit(lines, open, close));
            i = close;
        }
        assertTrue(units.size() >= 20, "the README's java blocks were found: " + units.size());

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("readme-snippets");
        List<JavaFileObject> sources = new ArrayList<>();
        for (Unit u : units) {
            sources.add(new SimpleJavaFileObject(URI.create("string:///" + u.name().replace('.', '/') + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return u.source();
                }
            });
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:none", "-d", out.toString(),
                    "-classpath", System.getProperty("java.class.path"));
            boolean ok = javac.getTask(null, files, diagnostics, options, null, sources).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                errors.add(where(units, d) + ": " + d.getMessage(Locale.ROOT));
            }
            if (!ok || !errors.isEmpty()) {
                fail("README code blocks that do not compile against the library modules:\n"
                        + String.join("\n", errors));
            }
        }
        assertEquals(units.size(), units.stream().map(Unit::name).distinct().count());
    }

    private static Unit unit(List<String> lines, int open, int close) {
        int readmeLine = open + 2; // 1-based line of the block's first line
        int c = open - 1;
        while (c >= 0 && lines.get(c).isBlank()) {
            c--;
        }
        int end = c;
        while (c >= 0 && !lines.get(c).startsWith("<!-- compile:")) {
            if (lines.get(c).contains("```") || end - c > 30) {
                c = -1;
                break;
            }
            c--;
        }
        if (c < 0 || !lines.get(end).strip().endsWith("-->")) {
            fail("README line " + (open + 1) + ": a java block needs a <!-- compile: KIND --> comment right"
                    + " before it (see ReadmeSnippetsTest)");
        }
        Matcher m = DIRECTIVE.matcher(lines.get(c).strip());
        if (!m.matches()) {
            fail("README line " + (c + 1) + ": not a compile directive: " + lines.get(c));
        }
        String kind = m.group(1);
        String cls = m.group(2) != null ? m.group(2) : "Snippet";
        List<String> imports = new ArrayList<>();
        List<String> context = new ArrayList<>();
        for (String l : lines.subList(c + 1, end)) {
            (l.startsWith("import ") ? imports : context).add(l);
        }
        List<String> block = new ArrayList<>();
        for (String l : lines.subList(open + 1, close)) {
            block.add(l.replace("{ ... }", "{ }"));
        }
        String pkg = "readme.l" + readmeLine;
        StringBuilder src = new StringBuilder("package " + pkg + ";\n");
        for (String imp : IMPORTS) {
            src.append("import ").append(imp).append(";\n");
        }
        imports.forEach(l -> src.append(l).append('\n'));
        int first;
        if (kind.equals("file")) {
            Matcher t = TYPE_NAME.matcher(String.join("\n", block));
            assertTrue(t.find(), "README line " + readmeLine + ": a file block declares a type");
            cls = t.group(1);
            first = count(src) + 1;
            block.forEach(l -> src.append(l).append('\n'));
            if (!context.isEmpty()) {
                fail("README line " + (c + 1) + ": a file block takes imports only");
            }
        } else {
            src.append("@SuppressWarnings(\"all\") class ").append(cls).append(" {\n");
            context.forEach(l -> src.append(l).append('\n'));
            int split = kind.equals("members") ? block.size()
                    : kind.equals("body") ? 0 : block.indexOf("...");
            if (split < 0) {
                fail("README line " + readmeLine + ": a members+body block separates the two by a line '...'");
            }
            first = count(src) + 1;
            for (int k = 0; k < block.size(); k++) {
                if (k == split) {
                    // the line "..." itself (or, for a body, an extra line before the first) opens the method
                    src.append(kind.equals("body") ? "void snippet() throws Exception {" : "").append(
                            kind.equals("body") ? " " + block.get(k) + "\n" : "void snippet() throws Exception {\n");
                } else {
                    src.append(block.get(k).strip().equals("...") ? "" : block.get(k)).append('\n');
                }
            }
            src.append(kind.equals("members") ? "" : "}\n").append("}\n");
        }
        return new Unit(pkg + "." + cls, src.toString(), first, readmeLine);
    }

    private static int count(StringBuilder s) {
        return (int) s.chars().filter(ch -> ch == '\n').count();
    }

    /** The README line a diagnostic points at (each generated line maps to one block line). */
    private static String where(List<Unit> units, Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "" : d.getSource().getName();
        for (Unit u : units) {
            if (file.endsWith(u.name().replace('.', '/') + ".java")) {
                long line = d.getLineNumber() - u.firstBlockLine() + u.readmeLine();
                return "README line " + line + " (block at line " + u.readmeLine() + ")";
            }
        }
        return file + ":" + d.getLineNumber();
    }
}
