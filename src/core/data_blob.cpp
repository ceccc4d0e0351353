#include "data_blob.hpp"

#include "data_fields.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace core {

namespace {

static_assert(std::endian::native == std::endian::little, "the blob stores numbers little-endian as they lie in memory");

// "DOSEDB" and the format's version: a reader never reads another version's bytes.
constexpr std::string_view kTag = "DOSEDB01";
constexpr std::size_t kHeaderBytes = kTag.size() + 4 + 8;  // tag, payload length, FNV-1a 64 of the payload

std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
    return h;
}

template <class T> struct IsOptional : std::false_type {};
template <class T> struct IsOptional<std::optional<T>> : std::true_type {};
template <class T> struct IsVector : std::false_type {};
template <class T> struct IsVector<std::vector<T>> : std::true_type {};
template <class T> struct IsMap : std::false_type {};
template <class K, class T> struct IsMap<std::map<K, T>> : std::true_type {};
template <class T> struct IsPair : std::false_type {};
template <class A, class B> struct IsPair<std::pair<A, B>> : std::true_type {};

class Writer {
public:
    std::string out;

    template <class... T> void operator()(T&... x) { (put(x), ...); }

private:
    template <class N> void raw(N n) { out.append(reinterpret_cast<const char*>(&n), sizeof n); }
    void size(std::size_t n) { raw(static_cast<std::uint32_t>(n)); }

    template <class T> void put(T& x) {
        if constexpr (std::is_same_v<T, bool>) {
            raw(static_cast<std::uint8_t>(x));
        } else if constexpr (std::is_same_v<T, double>) {
            raw(x);
        } else if constexpr (std::is_same_v<T, int>) {
            raw(static_cast<std::int32_t>(x));
        } else if constexpr (std::is_enum_v<T>) {
            static_assert(sizeof(members_of(T{})) / sizeof(T) <= 255, "a closed set's value is written as one byte");
            raw(static_cast<std::uint8_t>(x));
        } else if constexpr (std::is_same_v<T, std::string>) {
            size(x.size());
            out += x;
        } else if constexpr (IsOptional<T>::value) {
            raw(static_cast<std::uint8_t>(x.has_value()));
            if (x) put(*x);
        } else if constexpr (IsVector<T>::value) {
            size(x.size());
            for (auto& item : x) put(item);
        } else if constexpr (IsMap<T>::value) {
            size(x.size());
            for (auto& [key, value] : x) {
                auto k = key;
                put(k);
                put(value);
            }
        } else if constexpr (IsPair<T>::value) {
            put(x.first);
            put(x.second);
        } else {
            fields(*this, x);
        }
    }
};

class Reader {
public:
    explicit Reader(std::string_view bytes) : in_(bytes) {}
    bool ok() const { return ok_; }
    bool at_end() const { return at_ == in_.size(); }

    template <class... T> void operator()(T&... x) { (get(x), ...); }

private:
    std::string_view in_;
    std::size_t at_ = 0;
    bool ok_ = true;

    template <class N> bool raw(N& n) {
        if (!ok_ || in_.size() - at_ < sizeof n) return ok_ = false;
        std::memcpy(&n, in_.data() + at_, sizeof n);
        at_ += sizeof n;
        return true;
    }
    // A count no larger than the bytes left (each item takes at least one byte). Lists still
    // grow one read item at a time: an item in memory is far larger than its bytes, so a
    // count is never trusted with an allocation.
    bool size(std::size_t& n) {
        std::uint32_t v = 0;
        if (!raw(v) || v > in_.size() - at_) return ok_ = false;
        n = v;
        return true;
    }

    template <class T> void get(T& x) {
        if (!ok_) return;
        if constexpr (std::is_same_v<T, bool>) {
            std::uint8_t b = 0;
            if (raw(b) && b > 1) ok_ = false;
            x = b == 1;
        } else if constexpr (std::is_same_v<T, double>) {
            // The loader allows only finite numbers: NaN or an infinity is damage, never a value.
            if (raw(x) && !std::isfinite(x)) ok_ = false;
        } else if constexpr (std::is_same_v<T, int>) {
            std::int32_t v = 0;
            raw(v);
            x = v;
        } else if constexpr (std::is_enum_v<T>) {
            std::uint8_t v = 0;
            if (!raw(v)) return;
            bool member = false;
            for (T e : members_of(T{}))
                if (static_cast<std::uint8_t>(e) == v) member = true, x = e;
            if (!member) ok_ = false;
        } else if constexpr (std::is_same_v<T, std::string>) {
            std::size_t n = 0;
            if (!size(n)) return;
            x.assign(in_.data() + at_, n);
            at_ += n;
        } else if constexpr (IsOptional<T>::value) {
            bool present = false;
            get(present);
            x.reset();
            if (ok_ && present) get(x.emplace());
        } else if constexpr (IsVector<T>::value) {
            std::size_t n = 0;
            if (!size(n)) return;
            x.clear();
            for (std::size_t i = 0; i < n && ok_; ++i) get(x.emplace_back());
        } else if constexpr (IsMap<T>::value) {
            std::size_t n = 0;
            if (!size(n)) return;
            x.clear();
            for (std::size_t i = 0; i < n && ok_; ++i) {
                typename T::key_type key{};
                get(key);
                // The writer writes a map in key order: a key not above the one before is a
                // repeat, which would silently replace a value (a brand name, a source).
                if (!ok_ || (!x.empty() && !(x.rbegin()->first < key))) {
                    ok_ = false;
                    return;
                }
                get(x[key]);
            }
        } else if constexpr (IsPair<T>::value) {
            get(x.first);
            get(x.second);
        } else {
            fields(*this, x);
        }
    }
};

LoadResult failure(const std::string& message) {
    LoadResult r;
    r.errors.push_back({"embedded data", "", message});
    return r;
}

}  // namespace

std::string seal_data_blob(std::string_view payload) {
    std::string out(kTag);
    const auto length = static_cast<std::uint32_t>(payload.size());
    const std::uint64_t sum = fnv1a(payload);
    out.append(reinterpret_cast<const char*>(&length), sizeof length);
    out.append(reinterpret_cast<const char*>(&sum), sizeof sum);
    return out.append(payload);
}

std::string write_data_blob(const DrugDb& db) {
    Writer w;
    w(const_cast<DrugDb&>(db));  // the writer only reads: one member list serves both directions
    return seal_data_blob(w.out);
}

LoadResult read_data_blob(std::string_view bytes) {
    if (bytes.size() < kHeaderBytes || bytes.substr(0, kTag.size()) != kTag)
        return failure("the built-in drug data is not in this program's format");
    std::uint32_t length = 0;
    std::uint64_t sum = 0;
    std::memcpy(&length, bytes.data() + kTag.size(), sizeof length);
    std::memcpy(&sum, bytes.data() + kTag.size() + sizeof length, sizeof sum);
    const std::string_view payload = bytes.substr(kHeaderBytes);
    if (payload.size() != length) return failure("the built-in drug data is cut short or too long");
    if (fnv1a(payload) != sum) return failure("the built-in drug data is damaged (its checksum does not match)");
    LoadResult r;
    DrugDb db;
    Reader reader(payload);
    reader(db);
    if (!reader.ok() || !reader.at_end()) return failure("the built-in drug data could not be read");
    r.db = std::move(db);
    return r;
}

}  // namespace core
