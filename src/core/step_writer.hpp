// What the step builders share (steps.cpp, steps_dose.cpp): the list being written, the words
// for numbers, and the sources of steps that rest on no label (an entered value, a unit).
#pragma once
#include "drug_data.hpp"
#include "numbers.hpp"
#include "request.hpp"
#include "response.hpp"
#include "step.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core::step_detail {

// "20", "0.67": a number as the response's own texts write it (format_number, identical natively
// and in WebAssembly).
inline std::string num(double value, int decimals = 2) { return format_number(value, decimals); }

// A step's id in up to three pieces ("ladder.3." "split_ml"), written straight into the
// response's step_words: an id is never a string of its own (ladder ids are longer than a
// string's inline room, 15 characters natively and 10 in the wasm build, so each one was an
// allocation).
struct StepId {
    StepId(const char* whole) : pieces{whole, {}, {}} {}
    StepId(std::string_view whole) : pieces{whole, {}, {}} {}
    StepId(const std::string& whole) : pieces{whole, {}, {}} {}
    StepId(std::string_view first, std::string_view second, std::string_view third = {}) : pieces{first, second, third} {}
    std::array<std::string_view, 3> pieces;
};
inline StepId step_id(std::string_view prefix, std::string_view name) { return {prefix, name}; }

// Numbers in a step's text: Num{value, decimals} (format_number's digits), Mg ("12.5 mg", to
// 0.1), Ml ("0.003 mL", up to 6 decimals), Count (a whole number).
struct Num {
    double value;
    int decimals = 2;
};
struct Mg {
    double value;
};
struct Ml {
    double value;
};
struct Count {
    long long value;
};

class Text;

// The steps of one response, written in reading order; `panel` is the panel being written.
class StepWriter {
public:
    StepWriter(std::vector<Step>& out, std::string& words, std::vector<Source>& sources) : out(out), words(words), sources(sources) {}
    std::vector<Step>& out;
    std::string& words;  // the response's step_words: every id and text
    std::vector<Source>& sources;
    StepPanel panel = StepPanel::Patient;
    // Adds a step; when the rounding changed the value, the text says how it was rounded.
    // `unit` is kept as a view: it must be a string literal (every caller passes one, or a
    // pointer to one).
    Step& add(StepId quantity, std::string_view text, StepOp op, Operands operands, StepRounding rounding, int decimals,
              double result, const char* unit, const Source& source);
    Step& add(StepId quantity, Text& text, StepOp op, Operands operands, StepRounding rounding, int decimals, double result,
              const char* unit, const Source& source);

    // A rule is passed where it lives (the data, the response, a static rule such as
    // entered_source()), never as a temporary: add() knows the rules it has seen by address, and a
    // temporary's address is reused by the next one.
    Step& add(StepId, std::string_view, StepOp, Operands, StepRounding, int, double, const char*, const Source&&) = delete;
    Step& add(StepId, Text&, StepOp, Operands, StepRounding, int, double, const char*, const Source&&) = delete;

private:
    // The step whose text is `text`, the last words written.
    Step& add_written(StepId quantity, StepWords text, StepOp op, Operands operands, StepRounding rounding, int decimals,
                      double result, const char* unit, const Source& source);
    // The rule's position in `sources`, adding it the first time it is seen.
    std::size_t source_index(const Source& source);

    // Rules already in `sources`, by the address they were passed from: steps pass the same few
    // rules (the regimen's, the presentation's) again and again, and comparing every member of
    // each (references, section, note) was a quarter of add()'s work. A rule at a new address is
    // still compared by value, so a copy of a known rule is not listed twice. Every rule passed
    // lives as long as the writer, so an address never means two rules.
    static constexpr std::size_t kKnownAddresses = 16;
    std::array<const Source*, kKnownAddresses> known_address_{};
    std::array<std::size_t, kKnownAddresses> known_index_{};
    std::size_t known_count_ = 0;
};

// A step's text, appended piece by piece straight into the response's step_words: steps are
// written on every evaluate(), so no string of their own and no temporary strings. A text is
// added to one step.
class Text {
public:
    explicit Text(StepWriter& w) : words_(w.words), start_(words_.size()), end_(start_) {}
    Text& operator<<(std::string_view piece) {
        to_end();
        words_.append(piece);
        end_ = words_.size();
        return *this;
    }
    Text& operator<<(Num n) {
        to_end();
        append_number(words_, n.value, n.decimals);
        end_ = words_.size();
        return *this;
    }
    Text& operator<<(Mg m) { return *this << Num{m.value, 1} << " mg"; }
    Text& operator<<(Ml m) { return *this << Num{m.value, 6} << " mL"; }
    Text& operator<<(Count c) { return *this << Num{static_cast<double>(c.value), 0}; }
    // Where the text is, now the last words written.
    StepWords written() {
        to_end();
        return words_since(words_, start_);
    }

private:
    // Words written since this text began (another text, a step's id) would be cut in two by
    // its next piece: the text so far moves to the end first. The step builders write one text
    // at a time, so this is only a guard.
    void to_end() {
        if (end_ == words_.size()) return;
        const std::string so_far = words_.substr(start_, end_ - start_);
        start_ = words_.size();
        words_.append(so_far);
        end_ = words_.size();
    }

    std::string& words_;
    std::size_t start_, end_;
};

inline Step& StepWriter::add(StepId quantity, Text& text, StepOp op, Operands operands, StepRounding rounding, int decimals,
                             double result, const char* unit, const Source& source) {
    return add_written(quantity, text.written(), op, std::move(operands), rounding, decimals, result, unit, source);
}

// The rule if there is one, else `otherwise`: a reference to where the rule lives (add() takes
// rules by address; std::optional::value_or would make a temporary copy).
inline const Source& source_or(const std::optional<Source>& rule, const Source& otherwise) { return rule ? *rule : otherwise; }
// Temporaries would come back as a reference to a rule that is about to go.
const Source& source_or(const std::optional<Source>& rule, const Source&& otherwise) = delete;
const Source& source_or(const std::optional<Source>&& rule, const Source& otherwise) = delete;

// A value as the request gave it.
const Source& entered_source();
// 1 lb = 0.45359237 kg (exact, the international pound); 12 months = 1 year.
const Source& pound_source();
const Source& months_source();

// The dose, check and compare panels' steps (steps_dose.cpp).
void dose_steps(StepWriter& w, const Response& response, const Request& request, const DrugDb& db,
                std::optional<double> age_months);

}  // namespace core::step_detail
