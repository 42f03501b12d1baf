#!/usr/bin/env python3
"""PyTorch eager baseline for the model benches, on the same shapes.

Without a subcommand: io.east.model.bench.ModelBench's two small Llama sizes on the CPU, trained with AdamW +
global-norm clipping on batches of the same shape, and sampled with and without the KV cache.

`shape --config CONFIG.json --batch B --length T --precision fp32|bf16 [--device cuda]`: one model shape
(transformers' Llama from that config.json, as `east bench model --size/--config` writes it) trained on random
B x T batches with AdamW + clipping; bf16 is autocast, fp32 master weights, as io.east.model.bench.TrainingShapeBench
does. Prints one 'shape ...' line with positions/s, ms/step and the peak allocated device memory.

Not part of the build. Run with a Python holding torch and transformers:
    python3 -m venv /tmp/fixture-venv && /tmp/fixture-venv/bin/pip install torch transformers
    /tmp/fixture-venv/bin/python bench/torch_baseline.py [--threads 2]
"""
import argparse
import json
import time

import torch
from transformers import LlamaConfig, LlamaForCausalLM

SIZES = {
    "tiny d=128 L=4 h=4/2 ff=384": dict(hidden_size=128, num_hidden_layers=4, num_attention_heads=4,
                                         num_key_value_heads=2, intermediate_size=384),
    "small d=256 L=6 h=8/4 ff=768": dict(hidden_size=256, num_hidden_layers=6, num_attention_heads=8,
                                          num_key_value_heads=4, intermediate_size=768),
}


def model(size: dict) -> LlamaForCausalLM:
    config = LlamaConfig(vocab_size=100, max_position_embeddings=256, rms_norm_eps=1e-5, tie_word_embeddings=True,
                         bos_token_id=1, eos_token_id=2, pad_token_id=0, attn_implementation="eager", **size)
    torch.manual_seed(0)
    return LlamaForCausalLM(config)


def train(name: str, size: dict, batch: int, length: int, steps: int, warmup: int) -> None:
    m = model(size).train()
    optimizer = torch.optim.AdamW(m.parameters(), lr=1e-3, weight_decay=0.0)
    ids = torch.randint(3, 100, (batch, length))
    for i in range(warmup + steps):
        if i == warmup:
            start = time.perf_counter()
        loss = m(input_ids=ids, labels=ids).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
    seconds = time.perf_counter() - start
    params = sum(p.numel() for p in m.parameters())
    print(f"train  {name:<30} params={params:,} batch={batch}  {batch * length * steps / seconds:.0f} tokens/s  "
          f"{1000 * seconds / steps:.1f} ms/step")


def sample(name: str, size: dict, batch: int, prompt: int, new: int) -> None:
    m = model(size).eval()
    ids = torch.randint(3, 100, (batch, prompt))
    rates = {}
    for cache in (True, False):
        kwargs = dict(max_new_tokens=new, min_new_tokens=new, do_sample=True, top_p=0.95, temperature=1.0,
                      use_cache=cache, pad_token_id=0)
        with torch.no_grad():
            m.generate(ids, **kwargs)
            start = time.perf_counter()
            rounds = 3
            for _ in range(rounds):
                m.generate(ids, **kwargs)
        seconds = time.perf_counter() - start
        rates[cache] = batch * new * rounds / seconds
        print(f"sample {name:<30} batch={batch} new={new} kv-cache={str(cache).lower():<5} {rates[cache]:.0f} tokens/s  "
              f"{1000 * seconds / rounds:.0f} ms/call")
    print(f"sample {name:<30} kv-cache speed-up x{rates[True] / rates[False]:.2f}")


def shape(args) -> None:
    with open(args.config) as f:
        config = LlamaConfig(**{k: v for k, v in json.load(f).items() if k not in ("architectures", "dtype", "torch_dtype")})
    config._attn_implementation = args.attention
    device = torch.device(args.device)
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(device)
    torch.manual_seed(0)
    m = LlamaForCausalLM(config).to(device).train()
    optimizer = torch.optim.AdamW(m.parameters(), lr=1e-5, weight_decay=0.0)
    ids = torch.randint(3, min(config.vocab_size, 100), (args.batch, args.length), device=device)

    def step():
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=args.precision == "bf16"):
            loss = m(input_ids=ids, labels=ids).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        return loss

    for _ in range(args.warmup):
        step()
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    start = time.perf_counter()
    for _ in range(args.steps):
        loss = step()
    loss = loss.item()
    seconds = time.perf_counter() - start
    peak = torch.cuda.max_memory_allocated(device) if device.type == "cuda" else -1
    params = sum(p.numel() for p in m.parameters())
    print(f"shape params={params:,} batch {args.batch} x {args.length} {args.precision} {args.attention} on {device}: "
          f"positions/s={args.batch * args.length * args.steps / seconds:.0f} "
          f"ms/step={1000 * seconds / args.steps:.1f} peak_bytes={peak} loss={loss:.3f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--length", type=int, default=111,
                        help="tokens per sequence; east bench model passes the mean padded width of DJL's batches")
    sub = parser.add_subparsers(dest="command")
    one = sub.add_parser("shape", help="one model and batch shape, e.g. on a GPU")
    one.add_argument("--config", required=True, help="a Llama config.json")
    one.add_argument("--batch", type=int, required=True)
    one.add_argument("--length", type=int, required=True)
    one.add_argument("--precision", choices=["fp32", "bf16"], default="fp32")
    one.add_argument("--attention", choices=["eager", "sdpa"], default="eager")
    one.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    one.add_argument("--warmup", type=int, default=5)
    one.add_argument("--steps", type=int, default=20)
    one.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}", flush=True)
    if args.command == "shape":
        shape(args)
        return
    for name, size in SIZES.items():
        train(name, size, batch=16, length=args.length, steps=args.steps, warmup=10)
    for name, size in SIZES.items():
        sample(name, size, batch=8, prompt=70, new=64)


if __name__ == "__main__":
    main()
