package io.east.model.torch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The C++ sources torch-setup compiles, as they ship inside the model jar: DJL 0.36.0's PyTorch JNI (vendored whole
 * under third_party/, Apache-2.0) with this project's bf16 patch applied, and this project's fused kernels.
 *
 * @param djlDir DJL's tree after patching: {@code native/*.cc}, {@code include/}
 * @param opsSource east_torch_ops.cc
 * @param djlFingerprint a digest of DJL's sources and the patch: a JNI built from others is not reused
 * @param opsFingerprint a digest of the fused kernels' source
 */
public record NativeSources(Path djlDir, Path opsSource, String djlFingerprint, String opsFingerprint) {

    /** Both digests, as a build records them. */
    public String fingerprint() {
        return djlFingerprint + "-" + opsFingerprint;
    }

    static final String RESOURCE_ROOT = "io/east/model/torch/native";
    static final String PATCH = "djl-bf16.patch";
    static final String OPS = "east_torch_ops.cc";

    /** DJL's translation units, in a stable order. */
    public List<Path> djlUnits() throws IOException {
        try (Stream<Path> files = Files.list(djlDir.resolve("native"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".cc")).sorted().toList();
        }
    }

    /** Copies the sources out of the classpath into {@code target} and applies the patch there. */
    public static NativeSources extract(Path target) throws IOException {
        URL url = NativeSources.class.getClassLoader().getResource(RESOURCE_ROOT + "/" + OPS);
        if (url == null) {
            throw new SetupException("the model jar carries no native sources (" + RESOURCE_ROOT + "); rebuild it "
                    + "with mvn install");
        }
        URI root;
        try {
            String text = url.toURI().toString();
            root = new URI(text.substring(0, text.length() - OPS.length()));
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the native sources at " + url, e);
        }
        MessageDigest djlDigest = sha256();
        MessageDigest opsDigest = sha256();
        if ("jar".equals(root.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
                copyTree(jar.provider().getPath(root), target, djlDigest, opsDigest);
            }
        } else {
            copyTree(Path.of(root), target, djlDigest, opsDigest);
        }
        Path djl = target.resolve("djl");
        UnifiedDiff.apply(Files.readString(target.resolve(PATCH), StandardCharsets.UTF_8), djl);
        return new NativeSources(djl, target.resolve(OPS), hex(djlDigest), hex(opsDigest));
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static void copyTree(Path from, Path to, MessageDigest djl, MessageDigest ops) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        for (Path file : files) {
            String relative = from.relativize(file).toString();
            Path out = to.resolve(relative);
            Files.createDirectories(out.getParent());
            Files.copy(file, out, StandardCopyOption.REPLACE_EXISTING);
            MessageDigest digest = relative.equals(OPS) ? ops : djl;
            digest.update(relative.getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(out));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
