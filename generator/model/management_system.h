// The municipal system of work with low-results schools as a management cycle (content/system.yaml): the
// department's own Markdown text for each component; the page assembles the rest from what the site has.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace sveden {

struct SystemComponent {
  const char* key;    // in content/system.yaml
  const char* title;  // the heading on the page
};

// The components of the cycle in the order of the federal methodology for municipal quality-management
// mechanisms: goals → indicators → methods of collecting data → monitoring → analysis and recommendations →
// measures and decisions → analysis of their effectiveness.
inline const std::vector<SystemComponent>& system_components() {
  static const std::vector<SystemComponent> kComponents = {
      {"goals", "Цели"},
      {"indicators", "Показатели и критерии"},
      {"methods", "Методы сбора информации"},
      {"monitoring", "Мониторинг"},
      {"analysis", "Анализ и адресные рекомендации"},
      {"measures", "Меры и управленческие решения"},
      {"effectiveness", "Анализ эффективности принятых мер"},
  };
  return kComponents;
}

struct ManagementSystem {
  std::string intro;                         // Markdown above the components
  std::map<std::string, std::string> texts;  // component key → Markdown
};

}  // namespace sveden
