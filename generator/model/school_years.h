// A value per school and year in one block, as analysis keeps its indicators: values[school][year],
// a row per school (a span of its years) without a vector per school — 474,000 vectors of three
// values at 2,000 schools held 40 bytes each of header and allocation besides their values.
#pragma once
#include <cstddef>
#include <iterator>
#include <span>
#include <vector>

namespace sveden {

template <typename T>
class SchoolYears {
 public:
  SchoolYears() = default;
  SchoolYears(size_t schools, size_t years) { assign(schools, years); }

  // `schools` rows of `years` default values.
  void assign(size_t schools, size_t years) {
    schools_ = schools;
    years_ = years;
    cells_.assign(schools * years, T{});
  }
  size_t size() const { return schools_; }
  bool empty() const { return schools_ == 0; }
  std::span<T> operator[](size_t school) { return {cells_.data() + school * years_, years_}; }
  std::span<const T> operator[](size_t school) const { return {cells_.data() + school * years_, years_}; }

  // The rows in school order: `for (auto by_year : values)`.
  template <typename Table, typename Row>
  class Rows {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Row;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Row;
    Rows() = default;
    Rows(Table* t, size_t i) : t_(t), i_(i) {}
    Row operator*() const { return (*t_)[i_]; }
    Rows& operator++() {
      ++i_;
      return *this;
    }
    Rows operator++(int) {
      Rows r = *this;
      ++i_;
      return r;
    }
    bool operator==(const Rows& o) const { return i_ == o.i_; }

   private:
    Table* t_ = nullptr;
    size_t i_ = 0;
  };
  Rows<SchoolYears, std::span<T>> begin() { return {this, 0}; }
  Rows<SchoolYears, std::span<T>> end() { return {this, schools_}; }
  Rows<const SchoolYears, std::span<const T>> begin() const { return {this, 0}; }
  Rows<const SchoolYears, std::span<const T>> end() const { return {this, schools_}; }

 private:
  size_t schools_ = 0, years_ = 0;
  std::vector<T> cells_;
};

}  // namespace sveden
