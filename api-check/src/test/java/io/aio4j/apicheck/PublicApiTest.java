package io.aio4j.apicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public API of every library module, as kotlinx's {@code .api} files and OkHttp's
 * {@code okhttp.api} keep theirs: each exported type with its supertypes and its public and protected
 * members, one file per module in {@code dumps/}. A signature that changes without its dump changing
 * with it fails the build; {@code mvn verify -pl api-check -am -Dtest=PublicApiTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Daio4j.api.update=true} rewrites the dumps for review.
 * Beside it, the architecture rules: no public signature names an internal type (a sealed type's
 * {@code permits} clause may), and aio4j-net names neither Ktor nor Jackson.
 */
class PublicApiTest {
    private static final Set<String> LIBRARIES = Set.of("io.aio4j.bridge", "io.aio4j.api", "io.aio4j.net",
            "io.aio4j.ktor", "io.aio4j.http", "io.aio4j.ws", "io.aio4j.files", "io.aio4j.testkit", "io.aio4j.testkit.http");

    /** Each library module on the test's class path: its name, where it is, its descriptor. */
    private static Map<String, ModuleReference> libraries() {
        Map<String, ModuleReference> found = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                continue;
            }
            for (ModuleReference ref : ModuleFinder.of(p).findAll()) {
                if (LIBRARIES.contains(ref.descriptor().name())) {
                    found.put(ref.descriptor().name(), ref);
                }
            }
        }
        assertEquals(LIBRARIES, found.keySet(), "every library module is on the class path");
        return found;
    }

    private static Set<String> exported(ModuleDescriptor d) {
        return d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The class names of a module's exported packages (no local or anonymous classes). */
    private static List<String> classes(ModuleReference ref) throws IOException {
        Set<String> packages = exported(ref.descriptor());
        List<String> names = new ArrayList<>();
        try (var reader = ref.open(); var all = reader.list()) {
            for (String r : (Iterable<String>) all::iterator) {
                if (!r.endsWith(".class") || r.equals("module-info.class")) {
                    continue;
                }
                String name = r.substring(0, r.length() - 6).replace('/', '.');
                String pkg = name.substring(0, name.lastIndexOf('.'));
                if (packages.contains(pkg) && !name.matches(".*\\$\\d.*")) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) && !(k != c ? false : Modifier.isProtected(k.getModifiers()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** One module's dump: per type, its declaration, supertypes and members, sorted. */
    private static String dump(ModuleReference ref, List<String> violations) throws Exception {
        StringBuilder out = new StringBuilder("# public API of module " + ref.descriptor().name()
                + " (exported packages: " + String.join(", ", exported(ref.descriptor())) + ")\n");
        for (String name : classes(ref)) {
            Class<?> c = Class.forName(name, false, PublicApiTest.class.getClassLoader());
            if (!visible(c)) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            StringBuilder head = new StringBuilder(c.toGenericString());
            Type sup = c.getGenericSuperclass();
            if (sup != null && sup != Object.class && !c.isEnum() && !c.isRecord()) {
                head.append(" extends ").append(sup.getTypeName());
            }
            Type[] ifs = c.getGenericInterfaces();
            if (ifs.length > 0) {
                head.append(c.isInterface() ? " extends " : " implements ")
                        .append(Arrays.stream(ifs).map(Type::getTypeName).collect(Collectors.joining(", ")));
            }
            check(c.getName(), head.toString().replace(c.getName(), ""), violations);
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (exposed(k.getModifiers()) && !k.isSynthetic()) {
                    lines.add(k.toGenericString());
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (exposed(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    lines.add(m.toGenericString());
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (exposed(f.getModifiers()) && !f.isSynthetic()) {
                    lines.add(f.toGenericString());
                }
            }
            lines.sort(null);
            out.append('\n').append(head).append('\n');
            for (String l : lines) {
                out.append("  ").append(l).append('\n');
                check(c.getName(), l, violations);
            }
        }
        return out.toString();
    }

    /** A public signature naming an internal type (not in a permits clause, which the dump leaves out). */
    private static void check(String type, String signature, List<String> violations) {
        if (signature.matches(".*\\bio\\.aio4j\\.[\\w.]*\\.internal\\..*")) {
            violations.add(type + ": " + signature);
        }
    }

    @Test
    void everyModulesPublicApiMatchesItsCommittedDump() throws Exception {
        Path dir = Path.of(System.getProperty("aio4j.api.dumps"));
        boolean update = Boolean.getBoolean("aio4j.api.update");
        List<String> violations = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, ModuleReference> e : libraries().entrySet()) {
            String now = dump(e.getValue(), violations);
            Path file = dir.resolve(e.getKey() + ".api");
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (!now.equals(committed)) {
                if (update) {
                    Files.createDirectories(dir);
                    Files.writeString(file, now, StandardCharsets.UTF_8);
                } else {
                    changed.add(e.getKey() + ": " + firstDifference(committed, now));
                }
            }
        }
        assertEquals(List.of(), violations, "public signatures that name an internal type");
        if (!changed.isEmpty()) {
            fail("the public API changed without its dump (api-check/dumps): " + String.join("; ", changed)
                    + ". If the change is meant, run: mvn -B -ntp verify -pl api-check -am -Dtest=PublicApiTest "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -Daio4j.api.update=true, and commit the dumps with it");
        }
    }

    private static String firstDifference(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        Set<String> removed = new TreeSet<>(a);
        removed.removeAll(b);
        Set<String> added = new TreeSet<>(b);
        added.removeAll(a);
        return (removed.isEmpty() ? "" : "removed " + removed.iterator().next().trim() + (removed.size() > 1 ? " (+" + (removed.size() - 1) + ")" : ""))
                + (added.isEmpty() ? "" : (removed.isEmpty() ? "" : ", ") + "added " + added.iterator().next().trim()
                + (added.size() > 1 ? " (+" + (added.size() - 1) + ")" : ""));
    }

    @Test
    void aio4jNetUsesNeitherKtorNorJackson() throws Exception {
        ModuleReference net = libraries().get("io.aio4j.net");
        assertTrue(net.descriptor().requires().stream().noneMatch(r -> r.name().startsWith("io.ktor")
                || r.name().startsWith("com.fasterxml")), "io.aio4j.net requires " + net.descriptor().requires());
        List<String> offenders = new ArrayList<>();
        try (var reader = net.open(); var all = reader.list()) {
            for (String r : (Iterable<String>) all::iterator) {
                if (r.endsWith(".class")) {
                    String pool = new String(reader.read(r).map(b -> {
                        byte[] a = new byte[b.remaining()];
                        b.get(a);
                        return a;
                    }).orElseThrow(), StandardCharsets.ISO_8859_1);
                    if (pool.contains("io/ktor/") || pool.contains("com/fasterxml/")) {
                        offenders.add(r);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "aio4j-net classes that name Ktor or Jackson");
    }
}
