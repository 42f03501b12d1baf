#!/usr/bin/env bash
# The GPU check of the trainer, on a machine with an NVIDIA GPU and a CUDA PyTorch, with or without Java:
#   1. east torch-setup against this machine's PyTorch;
#   2. east bench agreement: the same training on the GPU and on the CPU, weights compared;
#   3. east train --device gpu --precision bf16 consuming east.weighted from an embedded broker (east broker, east
#      import, east streams), transformers loading the checkpoint it wrote, and east sample --precision bf16 with it;
#   4. east bench model against PyTorch eager: the 0.19B shape in fp32 and bf16, and Llama-3.2-1B's shape in bf16.
# Then it prints one summary. Run from the repository root. Without Java on the machine, first run gpu/pack.sh where
# there is one and bring .gpu/east-gpu.tar.xz along.
#
# Environment: PYTHON (default python3: the one with torch), WORK (default /tmp/east-gpu-check; logs in WORK/logs),
# OUT (when set, the summary and a tarball of the logs are copied there), CHECK_DEVICE=cpu runs the same steps on a
# machine without a GPU (a dry run: no agreement step, the tiny shape in the benches), REUSE_SETUP=1 keeps the build
# of an earlier run, STEPS (default "setup agreement train bench") picks steps, ROUNDS (default 3) is how many turns
# DJL and PyTorch take in each comparison, EXTRA_BENCHES=0 leaves out the runs without fused kernels and the 1B shape.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-python3}"
W="${WORK:-/tmp/east-gpu-check}"
LOGS="$W/logs"
DEVICE="${CHECK_DEVICE:-gpu}"
STEPS="${STEPS:-setup agreement train bench}"
ROUNDS="${ROUNDS:-3}"
want() { [[ " $STEPS " == *" $1 "* ]]; }
[ "${REUSE_SETUP:-0}" = 1 ] || rm -rf "$W/home"
rm -rf "$W/run" "$LOGS"; mkdir -p "$W" "$LOGS" "$W/run"
T0=$(date +%s)
say() { echo "[$(( $(date +%s) - T0 ))s] $*"; }
summary=()
note() { summary+=("$*"); say "$*"; }
finish() {
  { echo "== summary: $(date -u +%Y-%m-%dT%H:%MZ), $(( $(date +%s) - T0 )) s =="; printf '%s\n' "${summary[@]}"; } \
    > "$W/summary.txt"
  if [ -n "${OUT:-}" ]; then
    cp "$W/summary.txt" "$OUT/"
    tar -czf "$OUT/check-logs.tar.gz" -C "$W" logs run/train.jsonl 2>/dev/null
  fi
  echo; cat "$W/summary.txt"
}


# Java: the packed runtime when there is one, else the machine's.
if [ -f "$root/.gpu/east-gpu.tar.xz" ]; then
  rm -rf "$W/bundle"; mkdir -p "$W/bundle"
  tar -C "$W/bundle" -xJf "$root/.gpu/east-gpu.tar.xz"
  JAVA="$W/bundle/jre/bin/java"; JAR="$W/bundle/app/east.jar"; JNI=(--jni-include "$W/bundle/jni-include")
else
  JAVA="java"; JAR="$root/cli/target/east.jar"; JNI=()
fi
export EAST_HOME="$W/home" OMP_WAIT_POLICY=PASSIVE EAST_LOG_LEVEL="${EAST_LOG_LEVEL:-INFO}"
east() { "$JAVA" -XX:+UseSerialGC -Xss4m -Xmx8g ${EAST_JAVA_OPTS:-} -jar "$JAR" "$@"; }
# In the background, with $! the JVM itself (a shell function's $! would be a subshell that kill leaves the JVM of).
east_bg() { ( exec "$JAVA" -XX:+UseSerialGC -Xss4m -Xmx8g ${EAST_JAVA_OPTS:-} -jar "$JAR" "$@" ) & }

say "machine: $(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null || echo 'no nvidia-smi'), $(nproc) cores"
say "torch: $("$PY" -c 'import torch; print(torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())' 2>&1 | tail -1)"
say "java: $("$JAVA" -version 2>&1 | head -1)"

# 1. torch-setup
start=$(date +%s)
if east torch-setup --python "$(command -v "$PY")" "${JNI[@]}" --jobs "$(nproc)" > "$LOGS/setup.log" 2>&1; then
  note "setup: $(grep -o 'libtorch check: .*' "$LOGS/setup.log" | head -1) ($(( $(date +%s) - start )) s)"
else
  note "setup: FAILED ($(tail -3 "$LOGS/setup.log" | tr '\n' ' '))"
  cp "$W/home/torch/last-build.log" "$LOGS/" 2>/dev/null
  finish; exit 1
fi

# 2. GPU against CPU
INIT="$W/run/init"
if [ "$DEVICE" = gpu ] && want agreement; then
  if east bench agreement --size tiny --steps 8 --save "$INIT" > "$LOGS/agreement.log" 2>&1; then
    note "$(grep -o 'agreement: .*' "$LOGS/agreement.log")"
  else
    note "agreement: FAILED ($(grep -o 'agreement: .*' "$LOGS/agreement.log" || tail -2 "$LOGS/agreement.log" | tr '\n' ' '))"
  fi
fi
if want train && [ ! -f "$INIT/config.json" ]; then
  # No GPU (a dry run), or no agreement step: the engine's device trains the model the next step starts from.
  east bench agreement --size tiny --save "$INIT" > "$LOGS/init.log" 2>&1
fi

# 3. east train --device gpu from an embedded broker
if want train; then
"$PY" - "$W/run/samples.jsonl" <<'PYEOF'
import json, random, sys
random.seed(3)
with open(sys.argv[1], "w") as f:
    for i in range(96):
        a, b = random.randint(2, 40), random.randint(1, 30)
        gold = a + b
        answers = [gold, gold, gold + 1, gold - 2]
        code = [f"{a} + {b} = {x}\n#### {x}" for x in answers]
        f.write(json.dumps({"idx": i, "question": f"Tom has {a} pens and gets {b} more. How many pens now?",
                            "gt": str(gold), "code": code, "pred": [str(x) for x in answers],
                            "score": [x == gold for x in answers]}) + "\n")
PYEOF
east_bg broker --port 0 > "$W/run/broker.out" 2> "$LOGS/broker.log"
broker=$!
for _ in $(seq 1 120); do grep -q '^bootstrap=' "$W/run/broker.out" 2>/dev/null && break; sleep 0.5; done
BS="$(sed -n 's/^bootstrap=//p' "$W/run/broker.out" | head -1)"
train_device=$([ "$DEVICE" = gpu ] && echo gpu || echo cpu)
if [ -n "$BS" ]; then
  east import --format qwen-eval -i "$W/run/samples.jsonl" --bootstrap "$BS" > "$LOGS/import.log" 2>&1
  east_bg streams --bootstrap "$BS" --scope fixed:1 --state-dir "$W/run/streams" > "$LOGS/streams.log" 2>&1
  streams=$!
  start=$(date +%s)
  if timeout 600 "$JAVA" -XX:+UseSerialGC -Xss4m -Xmx8g -jar "$JAR" train --device "$train_device" --precision bf16 \
      --loss sft --init "$INIT" --checkpoint-dir "$W/run/trained" --checkpoint-dtype bf16 --batch-size 8 \
      --max-examples 64 --lr 1e-4 \
      --warmup 0 --checkpoint-every 4 --bootstrap "$BS" > "$W/run/train.jsonl" 2> "$LOGS/train.log"; then
    last="$(ls -d "$W/run/trained"/v* 2>/dev/null | tail -1)"
    loaded="$("$PY" - "$last" <<'PYEOF' 2>&1 | tail -1
import sys, torch
from transformers import AutoModelForCausalLM, PreTrainedTokenizerFast
d = sys.argv[1]
device = "cuda" if torch.cuda.is_available() else "cpu"
m = AutoModelForCausalLM.from_pretrained(d).to(device).eval()
tok = PreTrainedTokenizerFast(tokenizer_file=f"{d}/tokenizer.json")
ids = torch.tensor([tok("Tom has 3 pens.")["input_ids"]], device=device)
with torch.no_grad():
    logits = m(ids).logits
print(f"transformers loads it ({type(m).__name__}, {next(m.parameters()).dtype} on {device}), logits finite: "
      f"{bool(torch.isfinite(logits).all())}")
PYEOF
)"
    note "train: $(grep -o 'train finished.*' "$LOGS/train.log" | head -1 | cut -c1-220); $(wc -l < "$W/run/train.jsonl") TrainMetrics; $(grep -o 'precision="[a-z0-9]*" checkpoint_dtype="[a-z0-9]*" libtorch="[^"]*"' "$LOGS/train.log" | head -1); $(( $(date +%s) - start )) s; $loaded"
    # Sampling in bf16 from the checkpoint it wrote: the KV cache and the masked fused attention on the device.
    if east sample --model "$last" --dataset synthetic --limit 32 --n 4 --max-new-tokens 32 --precision bf16 \
        -o "$W/run/samples-bf16.jsonl" > "$LOGS/sample.log" 2>&1; then
      note "sample: $(grep -o 'sample log written.*' "$LOGS/sample.log" | head -1)"
    else
      note "sample: FAILED ($(grep -E 'ERROR|Exception' "$LOGS/sample.log" | head -2 | tr '\n' ' '))"
    fi
  else
    note "train: FAILED ($(grep -E 'ERROR|Exception' "$LOGS/train.log" | head -2 | tr '\n' ' '))"
  fi
  kill "$streams" 2>/dev/null; wait "$streams" 2>/dev/null
else
  note "train: FAILED (the broker did not start: $(tail -2 "$LOGS/broker.log" | tr '\n' ' '))"
fi
kill "$broker" 2>/dev/null; wait "$broker" 2>/dev/null
fi

# 4. the benchmarks
bench() {  # name, then the arguments of east bench model
  local name="$1"; shift
  if east bench model "$@" > "$LOGS/bench-$name.log" 2>&1; then
    note "bench $name: $(grep -E '^shape ' "$LOGS/bench-$name.log" | head -1)"
    while IFS= read -r line; do note "bench $name: $line"; done < <(grep 'DJL / PyTorch' "$LOGS/bench-$name.log")
  else
    note "bench $name: FAILED ($(grep -E 'ERROR|Exception|error' "$LOGS/bench-$name.log" | head -2 | tr '\n' ' '))"
  fi
}
script="$root/bench/torch_baseline.py"
if ! want bench; then
  :
elif [ "$DEVICE" = gpu ]; then
  bench 0.19b-fp32 --device gpu --size 0.19b --batch 8 --length 496 --precision fp32 --rounds "$ROUNDS" \
    --python "$PY" --torch-script "$script"
  bench 0.19b-bf16 --device gpu --size 0.19b --batch 8 --length 496 --precision bf16 --rounds "$ROUNDS" \
    --python "$PY" --torch-script "$script"
fi
if want bench && [ "$DEVICE" = gpu ] && [ "${EXTRA_BENCHES:-1}" = 1 ]; then
  # Without the model's fused kernels (attention and SiLU from DJL ops), then without any (AdamW one native call per
  # parameter too): what they bring.
  EAST_JAVA_OPTS=-Deast.fused-model=false bench 0.19b-fp32-unfused-model --device gpu --size 0.19b --batch 8 \
    --length 496 --precision fp32
  EAST_JAVA_OPTS=-Deast.fused=false bench 0.19b-bf16-unfused --device gpu --size 0.19b --batch 8 --length 496 \
    --precision bf16
  bench 1b-bf16 --device gpu --size llama-3.2-1b --batch 4 --length 1024 --precision bf16 --steps 10
fi
if want bench && [ "$DEVICE" != gpu ]; then
  bench tiny-bf16 --size tiny --batch 4 --length 128 --precision bf16 --steps 5 --rounds 2 --python "$PY" \
    --torch-script "$script"
fi

finish
