# The Debian package: `cmake --build --preset release --target package` (or `cpack` in the
# build folder) writes build/release/exitscope_<version>_<arch>.deb with both programs,
# the demo model, the desktop integration, the docs and the copyright file.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME exitscope)
set(CPACK_PACKAGE_VENDOR "The Exitscope developers")
set(CPACK_PACKAGE_CONTACT "The Exitscope developers <dev@exitscope>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "tune the exit thresholds of early-exit neural networks")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}
 Exitscope loads a multi-exit TorchScript model and a dataset (or per-exit traces),
 profiles each exit's latency with LibTorch, solves the per-exit thresholds for a
 latency budget with the published policies (BranchyNet, MSDNet, EENet, iPPP,
 SelfXit and others), plots accuracy against budget, lets the thresholds be dragged,
 checks them with a real early-exit run and exports them.
 .
 This package holds the desktop application (exitscope) and its command-line twin
 (exitscope-cli), with a built-in demo model for Fashion-MNIST.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # exitscope_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_STRIP_FILES ON)
# The libraries' packages come from dpkg-shlibdeps. The window's platform plugin (xcb, and
# the offscreen one --screenshot uses) is in qt6-qpa-plugins, which libqt6gui6 only
# recommends: without it the window does not start. The demo reads Debian's Fashion-MNIST.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dataset-fashion-mnist") # the demo's images
if(EXITSCOPE_GUI)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
  # Qt's own dialogs in German and Chinese, and a font with Chinese glyphs.
  string(APPEND CPACK_DEBIAN_PACKAGE_RECOMMENDS ", qt6-translations-l10n, fonts-noto-cjk | fonts-wqy-microhei")
endif()
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
include(CPack)
