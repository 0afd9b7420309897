// documents/: the department's documents, each with its kind, format, size and signature. A page in
// the form every page will take: a typed view (what the template shows), the builder that fills it
// from the site, and the page's kind for the registry (render/page_types.def).
#include <string>
#include <vector>

#include "render/html.h"
#include "render/openness_page.h"
#include "render/page_types.h"
#include "render/template_data.h"

namespace sveden {
namespace {

// The keys of templates/documents.mustache (docs/THEMES.md).
struct DocumentsView {
  TemplateValue documents;  // links as render/openness_page.h's document_link gives them
  std::string schools_href;

  TemplateValue to_data() const {
    TemplateValue d;
    d.set("documents", documents);
    d.set("has_documents", documents.is_non_empty_list());
    d.set("schools_href", schools_href);
    return d;
  }
};

std::string documents_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const Municipality& m = site.municipality();
  std::string root = root_prefix(page.path);
  DocumentsView v{tlist(), site.href(root, "schools/")};
  for (const auto& doc : m.documents) v.documents.push_back(document_link(doc, m.files, root + "documents/"));
  return w.layout(page, "Документы", w.use("documents", v.to_data()), w.trail(root, {{"Документы", ""}}));
}

}  // namespace

const PageType kDocumentsPage = {"documents", PageType::Scope::portal, {"documents"}, single_page("documents/"), documents_page};

}  // namespace sveden
