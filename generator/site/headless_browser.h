// A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe): one
// browser start prints many pages, several at a time, where a browser start per page cost about
// three seconds each.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace sveden {

struct PrintJob {
  std::string html;  // absolute path of the page to print
  std::string pdf;   // absolute path of the PDF to write
  std::string root;  // absolute path of the folder the page may read from (the output folder)
  // A page printed more than once (a report's page numbers): `prepare` is a script run once the page
  // has loaded; after each print but the last, `revise` gets the PDF and gives a script whose value is
  // true when it changed the page, which is then printed again; `passes` prints at most. The last
  // print is the PDF written. Without them, one print.
  std::string prepare;
  std::function<std::string(const std::string& pdf)> revise;
  int passes = 1;
};

// Whether the browser may load `url` while printing a page of `root`: a file:// address whose file,
// links resolved, lies inside `root`, or a data: address. Nothing from the network, nothing else on disk.
bool print_may_load(const std::string& url, const std::string& root);

// Prints each job's page to its PDF with `chromium`: A4 or whatever the page's CSS says, its
// backgrounds, no browser header or footer, a document outline from the headings, tagged for
// assistive technology. At most `parallel` pages are open at once; a page fails when the browser says
// nothing about it for `timeout_seconds` (however long the whole page takes while it answers).
// Each PDF is written to «.<name>.part» beside it and renamed when complete. Returns one message per
// job, "" for a job done, otherwise what went wrong (in Russian); when the browser does not start
// or stops answering, every job not yet done gets the message. Every request of a page goes through
// the DevTools Fetch domain: one that `print_may_load` refuses is not made, and fails the job with the
// address named, so that a PDF never holds anything from outside the output folder.
std::vector<std::string> print_pages(const std::string& chromium, const std::vector<PrintJob>& jobs, int parallel,
                                     int timeout_seconds);

}  // namespace sveden
