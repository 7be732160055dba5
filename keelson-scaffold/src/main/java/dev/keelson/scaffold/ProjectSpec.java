package dev.keelson.scaffold;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to generate: a validated, frozen request. Build it with {@link Scaffold#configure()}.
 *
 * @param name        the artifact id and folder name: lower-case letters, digits and single hyphens ({@code my-api})
 * @param packageName the Java package the reference service's {@code dev.keelson.reference} becomes
 * @param groupId     the Maven group id
 * @param features    the features the project keeps; the rest are removed
 * @param directory   the folder to create (absolute); it must not exist or be empty
 * @param gitCommit   make a git repository with a first commit (when git is installed)
 */
public record ProjectSpec(
        String name, String packageName, String groupId, Set<Feature> features, Path directory, boolean gitCommit) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int MAX_NAME = 50;
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");

    public ProjectSpec {
        checkName(name);
        checkPackage(packageName);
        checkGroup(groupId);
        features = Set.copyOf(features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features));
        if (features.contains(Feature.GRAPHQL) && !features.contains(Feature.AUTH)) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.FEATURE_CONFLICT,
                    "--type graphql needs auth (its schema serves "
                            + "users and their orders): drop --no-auth / --minimal, or use --type rest");
        }
        directory = directory.toAbsolutePath().normalize();
    }

    /** True when the project keeps {@code feature}. */
    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.length() > MAX_NAME) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.INVALID_NAME,
                    "Invalid project name '" + name + "': use lower-case "
                            + "letters, digits and single hyphens, starting with a letter, at most " + MAX_NAME
                            + " characters (for example my-api)");
        }
    }

    private static void checkPackage(String packageName) {
        if (packageName == null || !PACKAGE.matcher(packageName).matches()) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.INVALID_PACKAGE,
                    "Invalid package '" + packageName + "': use "
                            + "lower-case dot-separated names that start with a letter (for example com.acme.shop)");
        }
        for (String part : packageName.split("\\.")) {
            if (Keywords.isJava(part)) {
                throw new ScaffoldException(
                        ScaffoldErrorCode.INVALID_PACKAGE,
                        "Invalid package '" + packageName + "': '" + part
                                + "' is a Java keyword and cannot be part of a package name");
            }
        }
    }

    private static void checkGroup(String groupId) {
        if (groupId == null || !GROUP.matcher(groupId).matches()) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.INVALID_GROUP,
                    "Invalid group id '" + groupId + "': use "
                            + "lower-case dot-separated names (for example com.acme)");
        }
    }
}
