// JNI entry points of io.east.model.torch.NativeOps: the fused libtorch kernels that DJL 0.36's API lacks
// (scaled dot-product attention, multi-tensor AdamW, one-pass global gradient norm, device memory statistics).
// Tensors cross as DJL's handles, which are heap-allocated torch::Tensor pointers; a returned handle is a new
// heap-allocated tensor that DJL owns and frees. Built by `east torch-setup` against the installed libtorch, beside
// DJL's own JNI, with -DEAST_TORCH_MAJOR / -DEAST_TORCH_MINOR set to that libtorch's version.
#include <jni.h>

#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>
#include <c10/util/Exception.h>

#include <cmath>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#if EAST_TORCH_MAJOR > 2 || (EAST_TORCH_MAJOR == 2 && EAST_TORCH_MINOR >= 9)
#include <ATen/DeviceAccelerator.h>
#define EAST_HAS_ACCELERATOR_STATS 1
#endif

namespace {

void Throw(JNIEnv* env, const char* message) {
  jclass type = env->FindClass("java/lang/IllegalStateException");
  if (type != nullptr) {
    env->ThrowNew(type, message);
  }
}

// Runs body, turning a libtorch error into a Java IllegalStateException with libtorch's message.
template <typename T, typename F>
T Guarded(JNIEnv* env, T failed, F body) {
  try {
    return body();
  } catch (const c10::Error& e) {
    Throw(env, e.what_without_backtrace());
  } catch (const std::exception& e) {
    Throw(env, e.what());
  }
  return failed;
}

const at::Tensor& Ref(jlong handle) {
  return *reinterpret_cast<at::Tensor*>(handle);
}

jlong Own(at::Tensor tensor) {
  return reinterpret_cast<jlong>(new at::Tensor(std::move(tensor)));
}

std::vector<at::Tensor> Tensors(JNIEnv* env, jlongArray handles) {
  jsize n = env->GetArrayLength(handles);
  std::vector<jlong> raw(static_cast<size_t>(n));
  env->GetLongArrayRegion(handles, 0, n, raw.data());
  std::vector<at::Tensor> out;
  out.reserve(raw.size());
  for (jlong h : raw) {
    out.push_back(Ref(h));
  }
  return out;
}

// Runs body with the device index where this libtorch has an accelerator and its statistics API (2.9 and newer);
// else returns none.
template <typename T, typename F>
T OnAccelerator(JNIEnv* env, T none, jint device, F body) {
  return Guarded<T>(env, none, [&]() -> T {
#ifdef EAST_HAS_ACCELERATOR_STATS
    if (at::accelerator::getAccelerator(false).has_value()) {
      return body(static_cast<c10::DeviceIndex>(device));
    }
#endif
    (void) body;
    return none;
  });
}

}  // namespace

extern "C" {

JNIEXPORT jstring JNICALL Java_io_east_model_torch_NativeOps_builtFor(JNIEnv* env, jclass) {
  std::string version = std::to_string(EAST_TORCH_MAJOR) + "." + std::to_string(EAST_TORCH_MINOR);
  return env->NewStringUTF(version.c_str());
}

// The tensor in bfloat16 (bf16 true) or float32, differentiable under grad mode: DJL's own cast runs without
// gradients, which would cut mixed-precision training off from its fp32 master weights.
JNIEXPORT jlong JNICALL Java_io_east_model_torch_NativeOps_cast(JNIEnv* env, jclass, jlong handle, jboolean bf16) {
  return Guarded<jlong>(env, 0, [&]() {
    return Own(Ref(handle).to(bf16 == JNI_TRUE ? at::kBFloat16 : at::kFloat));
  });
}

// softmax(q k^T * scale + mask) v over [B, H, T, D] queries and [B, KVH, S, D] keys and values; KVH may divide H
// (grouped-query attention: query head h reads key/value head h / (H / KVH)). mask is 0 for none, else a boolean
// or additive mask broadcastable to [B, H, T, S] in the query's dtype. Differentiable under grad mode.
JNIEXPORT jlong JNICALL Java_io_east_model_torch_NativeOps_scaledDotProductAttention(JNIEnv* env, jclass,
    jlong query, jlong key, jlong value, jlong mask, jboolean causal, jdouble scale) {
  return Guarded<jlong>(env, 0, [&]() {
    const at::Tensor& q = Ref(query);
    const at::Tensor& k = Ref(key);
    std::optional<at::Tensor> attnMask;
    if (mask != 0) {
      attnMask = Ref(mask);
    }
    at::Tensor keys = k;
    at::Tensor values = Ref(value);
    bool gqa = q.size(1) != k.size(1);
    if (gqa && q.scalar_type() == at::kFloat) {
      // fp32 has no flash kernel, and the memory-efficient one takes no grouped heads: share them explicitly so that
      // it, rather than the kernel that materialises every score, runs.
      int64_t group = q.size(1) / k.size(1);
      keys = keys.repeat_interleave(group, 1);
      values = values.repeat_interleave(group, 1);
      gqa = false;
    }
    return Own(at::scaled_dot_product_attention(q, keys, values, attnMask, 0.0, causal == JNI_TRUE, scale, gqa));
  });
}

// x * sigmoid(x) in one kernel, differentiable: one activation kept for the backward pass instead of two.
JNIEXPORT jlong JNICALL Java_io_east_model_torch_NativeOps_silu(JNIEnv* env, jclass, jlong handle) {
  return Guarded<jlong>(env, 0, [&]() { return Own(at::silu(Ref(handle))); });
}

// Drops the gradients of these parameters (PyTorch's zero_grad(set_to_none=True)): the memory is free until the next
// backward pass writes fresh ones, instead of held, zeroed, through the forward pass.
JNIEXPORT void JNICALL Java_io_east_model_torch_NativeOps_clearGradients(JNIEnv* env, jclass, jlongArray params) {
  Guarded<int>(env, 0, [&]() {
    jsize n = env->GetArrayLength(params);
    std::vector<jlong> raw(static_cast<size_t>(n));
    env->GetLongArrayRegion(params, 0, n, raw.data());
    for (jlong h : raw) {
      reinterpret_cast<at::Tensor*>(h)->mutable_grad().reset();
    }
    return 0;
  });
}

// The global L2 norm of all gradients, read back once; when it exceeds maxNorm (> 0) every gradient is scaled by
// maxNorm / (norm + 1e-6) in place, as torch.nn.utils.clip_grad_norm_ does.
JNIEXPORT jdouble JNICALL Java_io_east_model_torch_NativeOps_clipGradNorm(JNIEnv* env, jclass, jlongArray grads,
    jdouble maxNorm) {
  return Guarded<jdouble>(env, NAN, [&]() {
    at::NoGradGuard noGrad;
    std::vector<at::Tensor> g = Tensors(env, grads);
    std::vector<at::Tensor> norms = at::_foreach_norm(g, 2);
    double norm = at::linalg_vector_norm(at::stack(norms), 2).item<double>();
    if (maxNorm > 0 && std::isfinite(norm) && norm > maxNorm) {
      at::_foreach_mul_(g, at::Scalar(maxNorm / (norm + 1e-6)));
    }
    return static_cast<jdouble>(norm);
  });
}

// One AdamW update of a group of same-device float32 parameters in one fused kernel (torch.optim.AdamW with
// fused=True): decoupled weight decay, bias correction from step, which is a float32 scalar tensor on the
// parameters' device that already holds this update's number.
JNIEXPORT void JNICALL Java_io_east_model_torch_NativeOps_adamW(JNIEnv* env, jclass, jlongArray params,
    jlongArray grads, jlongArray expAvgs, jlongArray expAvgSqs, jlong step, jdouble lr, jdouble beta1, jdouble beta2,
    jdouble eps, jdouble weightDecay) {
  Guarded<int>(env, 0, [&]() {
    at::NoGradGuard noGrad;
    std::vector<at::Tensor> p = Tensors(env, params);
    std::vector<at::Tensor> steps(p.size(), Ref(step));
    at::_fused_adamw_(p, Tensors(env, grads), Tensors(env, expAvgs), Tensors(env, expAvgSqs), {}, steps, lr, beta1,
        beta2, weightDecay, eps, false, false);
    return 0;
  });
}

// Peak bytes the accelerator's caching allocator handed out since the last reset (torch.cuda.max_memory_allocated),
// or -1 where this libtorch has no accelerator or no such statistic.
JNIEXPORT jlong JNICALL Java_io_east_model_torch_NativeOps_peakAllocatedBytes(JNIEnv* env, jclass, jint device) {
  return OnAccelerator<jlong>(env, -1, device, [](c10::DeviceIndex index) -> jlong {
    return static_cast<jlong>(at::accelerator::getDeviceStats(index).allocated_bytes[0].peak);
  });
}

JNIEXPORT void JNICALL Java_io_east_model_torch_NativeOps_resetPeakAllocated(JNIEnv* env, jclass, jint device) {
  OnAccelerator<int>(env, 0, device, [](c10::DeviceIndex index) {
    at::accelerator::resetPeakStats(index);
    return 0;
  });
}

// Waits until the device has finished all queued work: benchmarks time steps with it.
JNIEXPORT void JNICALL Java_io_east_model_torch_NativeOps_synchronize(JNIEnv* env, jclass, jint device) {
  OnAccelerator<int>(env, 0, device, [](c10::DeviceIndex index) {
    at::accelerator::synchronizeDevice(index);
    return 0;
  });
}

}  // extern "C"
