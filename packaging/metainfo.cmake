# Writes the AppStream metadata: OUT from packaging/org.exitscope.Exitscope.metainfo.xml.in
# with VERSION and, when SCREENSHOT_URL is set (the web folder of docs/*.png), the
# screenshots. Included by packaging/CMakeLists.txt; run as a script by the package test
# (cmake -DOUT=... -DVERSION=... -DSCREENSHOT_URL=... -P metainfo.cmake) to validate the
# variant with screenshots too.
set(screenshots "")
if(SCREENSHOT_URL)
  string(REGEX REPLACE "/$" "" url "${SCREENSHOT_URL}")
  set(screenshots "
  <screenshots>
    <screenshot type=\"default\">
      <caption>Policies' accuracy-vs-budget curves, and per-exit histograms with draggable thresholds</caption>
      <image>${url}/gui-window.png</image>
    </screenshot>
    <screenshot>
      <caption>Comparing policies at equal budgets</caption>
      <image>${url}/gui-compare.png</image>
    </screenshot>
    <screenshot>
      <caption>Opening a model and a dataset</caption>
      <image>${url}/gui-model-dialog.png</image>
    </screenshot>
  </screenshots>")
endif()
set(EXITSCOPE_METAINFO_VERSION "${VERSION}")
set(EXITSCOPE_METAINFO_SCREENSHOTS "${screenshots}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/org.exitscope.Exitscope.metainfo.xml.in "${OUT}" @ONLY)
