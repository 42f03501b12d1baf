#!/usr/bin/env bash
# Packs what gpu/check.sh needs on a GPU machine that has a CUDA PyTorch but no Java: a jlink'd Java runtime, the
# east jars without the bundled CPU libtorch (and with only the linux-x86_64 natives of the others), and the JDK's JNI
# headers for torch-setup. Writes .gpu/east-gpu.tar.xz (about 50 MB; git ignores .gpu/): what travels to such a
# machine may be small, so jars are stored uncompressed and the whole is compressed once with xz.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.gpu"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$root/cli/target/east.jar" ]; then
  (cd "$root" && mvn -q -B -ntp -DskipTests install)
fi
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
[ -f "$java_home/include/jni.h" ] || { echo "pack: no JDK with include/jni.h at $java_home" >&2; exit 1; }

echo "pack: Java runtime (jlink)" >&2
jlink --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,\
java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,\
java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.management,\
jdk.naming.dns,jdk.unsupported,jdk.zipfs \
  --strip-debug --no-header-files --no-man-pages --compress=0 --output "$work/bundle/jre"
strip --strip-unneeded "$work/bundle/jre/lib/server/libjvm.so" 2>/dev/null || true

echo "pack: jars" >&2
mkdir -p "$work/bundle/app/lib" "$work/bundle/jni-include"
cp "$root/cli/target/east.jar" "$work/bundle/app/"
for jar in "$root"/cli/target/lib/*.jar; do
  case "$(basename "$jar")" in
    pytorch-native-cpu-*) continue ;;   # torch-setup points DJL at the machine's own libtorch
  esac
  cp "$jar" "$work/bundle/app/lib/"
done
# Natives for other platforms are dead weight on a linux-x86_64 GPU machine.
lib="$work/bundle/app/lib"
zip -q -d "$lib"/rocksdbjni-*.jar 'librocksdbjni-*' -x 'librocksdbjni-linux64.so' >/dev/null || true
zip -q -d "$lib"/tokenizers-*.jar 'native/lib/*' -x 'native/lib/linux-x86_64/*' 'native/lib/tokenizers.properties' >/dev/null || true
zip -q -d "$lib"/zstd-jni-*.jar 'aix/*' 'darwin/*' 'freebsd/*' 'win/*' 'linux/aarch64/*' 'linux/arm/*' 'linux/i386/*' \
  'linux/loongarch64/*' 'linux/mips64/*' 'linux/ppc64/*' 'linux/ppc64le/*' 'linux/riscv64/*' 'linux/s390x/*' >/dev/null || true
zip -q -d "$lib"/snappy-java-*.jar 'org/xerial/snappy/native/*' -x 'org/xerial/snappy/native/Linux/x86_64/*' >/dev/null || true
zip -q -d "$lib"/pytorch-jni-*.jar 'jnilib/*' -x 'jnilib/pytorch.properties' >/dev/null || true
# Stored, not deflated: xz then compresses the class files about twice as well.
for jar in "$lib"/*.jar "$work/bundle/app/east.jar"; do
  unpacked="$(mktemp -d)"
  (cd "$unpacked" && unzip -q "$jar" && rm "$jar" && zip -q -0 -r -X "$jar" .)
  rm -rf "$unpacked"
done
cp "$java_home/include/jni.h" "$work/bundle/jni-include/"
mkdir -p "$work/bundle/jni-include/linux" && cp "$java_home/include/linux/jni_md.h" "$work/bundle/jni-include/linux/"

mkdir -p "$out"
echo "pack: compressing" >&2
tar -C "$work/bundle" -cf - jre app jni-include | xz -T0 -6 > "$out/east-gpu.tar.xz"
ls -l "$out/east-gpu.tar.xz" | awk '{printf "pack: %s, %.1f MB\n", $9, $5 / 1e6}'
