// dmaview: the run-database viewer. Thin: arguments, then either the
// headless snapshot or the window.
#include <QApplication>
#include <QCommandLineParser>
#include <cstdio>
#include <cstdlib>

#include "axis_ticks.h"
#include "main_window.h"
#include "snapshot.h"

int main(int argc, char **argv) {
  // The snapshot must work without a display (CI): choose the offscreen
  // platform before Qt looks for one, unless the caller chose already.
  bool snapshot = false;
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--snapshot" || std::string(argv[i]).rfind("--snapshot=", 0) == 0) snapshot = true;
  if (snapshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");

  QApplication app(argc, argv);
  QApplication::setApplicationName("dmaview");
  QApplication::setApplicationVersion(DMACHECK_VERSION);
  QCommandLineParser parser;
  parser.setApplicationDescription("Viewer of dmatrace run databases: DMA mappings over time and address.");
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption snapshotOpt(
      "snapshot", "Render the map view to FILE (PNG; SVG when FILE ends in .svg) without a window, then exit.", "FILE");
  QCommandLineOption deviceOpt("device", "Device to show (e.g. 0000:00:01.0); default: the one with most mappings.",
                               "DEV");
  QCommandLineOption fromOpt("from", "Window start, from the run start (e.g. 1.5s, 200ms, 30us, 1000ns).", "T0");
  QCommandLineOption toOpt("to", "Window end, from the run start.", "T1");
  QCommandLineOption sizeOpt("size", "Snapshot size in pixels (default 1200x820).", "WxH");
  parser.addOptions({snapshotOpt, deviceOpt, fromOpt, toOpt, sizeOpt});
  parser.addPositionalArgument("RUN.db|TRACE",
                               "Run database made by `dmatrace import`; a trace is imported first (window only).");
  parser.process(app);

  const QStringList args = parser.positionalArguments();
  if (parser.isSet(snapshotOpt)) {
    if (args.size() != 1) {
      std::fprintf(stderr, "dmaview: --snapshot needs exactly one RUN.db\n");
      return 2;
    }
    dmacheck::gui::SnapshotOptions options;
    options.device = parser.value(deviceOpt);
    for (auto [opt, out] : {std::make_pair(&fromOpt, &options.from), std::make_pair(&toOpt, &options.to)}) {
      if (!parser.isSet(*opt)) continue;
      uint64_t ns = 0;
      if (!dmacheck::gui::parseDuration(parser.value(*opt).toStdString(), ns)) {
        std::fprintf(stderr, "dmaview: bad time %s (use e.g. 1.5s, 200ms, 30us, 1000ns)\n",
                     qPrintable(parser.value(*opt)));
        return 2;
      }
      *out = ns;
    }
    if (options.from && options.to && *options.to <= *options.from) {
      std::fprintf(stderr, "dmaview: --to must be after --from\n");
      return 2;
    }
    if (parser.isSet(sizeOpt)) {
      QStringList wh = parser.value(sizeOpt).split('x');
      if (wh.size() != 2 || wh[0].toInt() <= 0 || wh[1].toInt() <= 0) {
        std::fprintf(stderr, "dmaview: bad --size %s (use WxH)\n", qPrintable(parser.value(sizeOpt)));
        return 2;
      }
      options.size = QSize(wh[0].toInt(), wh[1].toInt());
    }
    return dmacheck::gui::runSnapshot(args[0], parser.value(snapshotOpt), options);
  }

  dmacheck::gui::MainWindow window;
  if (!args.isEmpty()) window.openPath(args[0]);
  window.show();
  return app.exec();
}
