# Sets up libtorch 2.4.0 (CPU) for `cargo build --release --features transformer`.
# Source it:  . scripts/libtorch.sh
#
# On first use it downloads the PyPI wheel torch==2.4.0 (about 800 MB, with `pip download
# --no-deps`) and the two small NVIDIA wheels that libtorch_cpu.so names as dependencies
# (libcudart.so.12 and libcupti.so.12, loaded but never used on CPU), and unpacks into
# $CLAIMEX_LIBTORCH (default ~/.cache/claimex/libtorch-2.4.0) only what a CPU build needs:
# include/, lib/libtorch_cpu.so, libc10.so, the bundled libgomp, the two NVIDIA runtime
# libraries and a stub lib/libtorch.so. The wheel's libtorch.so and libtorch_cuda.so are left
# out: they need cuDNN, cuBLAS and NCCL (several GB more), and without libtorch_cuda.so the
# tch build links the CPU library only. The wheel is built with the pre-C++11 string ABI, so
# LIBTORCH_CXX11_ABI=0. Later calls find the finished cache and only export the variables.
#
# Exports LIBTORCH, LIBTORCH_CXX11_ABI and LD_LIBRARY_PATH.

claimex_libtorch_install() {
    local dest=$1 tmp wheels py
    py=$(command -v python3 || command -v python) || { echo "libtorch.sh: python3 is needed to run pip" >&2; return 1; }
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/claimex-libtorch.XXXXXX") || return 1
    wheels=$tmp/wheels
    echo "libtorch.sh: downloading torch==2.4.0 and the CUDA runtime stubs it links from PyPI…" >&2
    "$py" -m pip download -q --no-deps --only-binary=:all: --python-version 3.11 \
        --platform manylinux1_x86_64 --platform manylinux2014_x86_64 -d "$wheels" \
        torch==2.4.0 nvidia-cuda-runtime-cu12==12.1.105 nvidia-cuda-cupti-cu12==12.1.105 \
        || { rm -rf "$tmp"; return 1; }
    echo "libtorch.sh: unpacking into $dest…" >&2
    (
        set -e
        cd "$tmp"
        # Only the headers and the CPU libraries leave the wheels.
        "$py" - wheels stage <<'PY'
import pathlib, shutil, sys, zipfile
wheels, stage = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
libs = {"torch/lib/libtorch_cpu.so", "torch/lib/libc10.so", "torch/lib/libgomp-a34b3233.so.1",
        "nvidia/cuda_runtime/lib/libcudart.so.12", "nvidia/cuda_cupti/lib/libcupti.so.12"}
for wheel in sorted(wheels.glob("*.whl")):
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            if name.startswith("torch/include/") and not name.endswith("/"):
                target = stage / "include" / name[len("torch/include/"):]
            elif name in libs:
                target = stage / "lib" / pathlib.PurePosixPath(name).name
            else:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with z.open(name) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
PY
        # A CPU-only libtorch.so: tch links -ltorch, whose wheel copy requires libtorch_cuda.so.
        echo 'void claimex_libtorch_cpu_stub(void) {}' > stub.c
        cc -shared -fPIC -o stage/lib/libtorch.so stub.c -Wl,--no-as-needed \
            -Lstage/lib -ltorch_cpu -lc10 -Wl,-rpath,'$ORIGIN'
        echo "2.4.0+cpu" > stage/build-version
        mkdir -p "$(dirname "$dest")"
        rm -rf "$dest"
        mv stage "$dest"
    )
    local status=$?
    rm -rf "$tmp"
    return $status
}

CLAIMEX_LIBTORCH=${CLAIMEX_LIBTORCH:-${XDG_CACHE_HOME:-$HOME/.cache}/claimex/libtorch-2.4.0}
if [ ! -f "$CLAIMEX_LIBTORCH/build-version" ]; then
    claimex_libtorch_install "$CLAIMEX_LIBTORCH" || {
        echo "libtorch.sh: could not install libtorch into $CLAIMEX_LIBTORCH" >&2
        return 1 2>/dev/null || exit 1
    }
fi
export LIBTORCH=$CLAIMEX_LIBTORCH
export LIBTORCH_CXX11_ABI=0
case ":${LD_LIBRARY_PATH:-}:" in
    *":$LIBTORCH/lib:"*) ;;
    *) export LD_LIBRARY_PATH=$LIBTORCH/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} ;;
esac
