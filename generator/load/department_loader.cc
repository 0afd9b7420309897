#include "load/department_loader.h"

#include "load/markdown_images.h"
#include "load/yaml_reader.h"
#include "model/links.h"

namespace sveden {
namespace {

// Each item of the list under `key` read as a map by `fn`.
template <typename Fn>
void each_map(YamlMapReader& r, std::string_view key, const std::string& where, Fn fn) {
  const YamlNode* list = r.node(key);
  if (!list) return;
  if (!list->is_sequence()) {
    r.error_at(*list, std::string(key) + ": ожидался список", "каждый элемент начните с «- »");
    return;
  }
  for (const auto& item : list->items) {
    YamlMapReader ir(item, r.src(), r.diag(), where);
    if (ir.valid()) fn(ir, item);
    ir.finish();
  }
}

}  // namespace

void load_department(const Disk& disk, const std::string& prefix, Municipality& m, Diagnostics& diag) {
  read_yaml_file(disk, prefix, "content/department.yaml", diag, [&](const SourceText& src, const YamlNode& root) {
    if (root.is_null()) return;
    DepartmentInfo& d = m.department;
    YamlMapReader r(root, src, diag, "корень файла", true);
    if (!r.valid()) return;
    d.about_markdown = r.text("about").value_or("");
    if (const YamlNode* about = root.find("about")) load_markdown_images(disk, d.about_markdown, yaml_origin(src, about->pos), m, diag);
    d.working_hours = r.text("working_hours").value_or("");
    each_map(r, "powers", "полномочие", [&](YamlMapReader& ir, const YamlNode&) {
      d.powers.push_back({ir.text("text", true).value_or(""), ir.text("act").value_or("")});
    });
    auto unit = [&](std::vector<DepartmentInfo::Unit>& out, bool named) {
      return [&out, named](YamlMapReader& ir, const YamlNode&) {
        DepartmentInfo::Unit u;
        if (named) u.name = ir.name("name", true).value_or("");
        u.head = ir.text(named ? "head" : "name", !named).value_or("");
        u.post = ir.text("post").value_or("");
        u.phone = ir.text("phone").value_or("");
        u.email = ir.text("email").value_or("");
        out.push_back(std::move(u));
      };
    };
    each_map(r, "structure", "подразделение", unit(d.structure, true));
    each_map(r, "heads", "руководитель", unit(d.heads, false));
    if (const YamlNode* a = r.node("appeals")) {
      YamlMapReader ar(*a, src, diag, "appeals");
      d.appeals_markdown = ar.text("text").value_or("");
      if (const YamlNode* text = a->find("text")) load_markdown_images(disk, d.appeals_markdown, yaml_origin(src, text->pos), m, diag);
      d.appeals_address = ar.text("address").value_or("");
      d.appeals_email = ar.text("email").value_or("");
      d.appeals_schedule = ar.text("schedule").value_or("");
      ar.finish();
    }
    each_map(r, "social", "официальная страница", [&](YamlMapReader& ir, const YamlNode& item) {
      DepartmentInfo::Link l{ir.name("name", true).value_or(""), ir.text("url", true).value_or("")};
      if (!l.url.empty() && !is_web_address(l.url))
        ir.error_at(*item.find("url"), "«" + l.url + "» — не адрес страницы", "запишите адрес целиком, начиная с https://");
      else d.social.push_back(std::move(l));
    });
    each_map(r, "working_group", "участник рабочей группы", [&](YamlMapReader& ir, const YamlNode&) {
      d.working_group.push_back({ir.name("name", true).value_or(""), ir.text("post").value_or(""), ir.text("role").value_or("")});
    });
    r.finish();
  });
}

}  // namespace sveden
