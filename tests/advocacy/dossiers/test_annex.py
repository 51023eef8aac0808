"""The signer annex: a PDF that opens, gives the names back in every script, and splits rows into pages."""

import io
import subprocess

import pytest

from advocacy.dossiers.annex import ROWS_PER_PAGE, write_annex
from bench import annex as bench_annex
from petitions.factories import SignatureFactory
from petitions.models import SignatureStatus

from .conftest import confirmed

HEADING = "ยกเลิกการเปิดสถานบันเทิงถึงตีสี่"
SIGNERS = [
    ("น้ำฝน ที่ดีเลิศ", "เชียงราย"),  # Thai: sara am, tone marks over upper vowels
    ("ปุ๋ย ญาณิน ฐิติพร", "กรุงเทพมหานคร"),
    ("ស្រីពេជ្រ សុខា", "ចន្ទបុរី"),  # Khmer: a subscript (coeng ro) drawn before its consonant
    ("မြန်မာ ကြေးမုံ", "ဘန်ကောက်"),  # Burmese: medial ra and the vowel e drawn before the consonant
    ("Anna Müller-Lüdenscheidt", "Chiang Rai"),
]


def annex_pdf(rows, tmp_path, *, heading=HEADING, language="en", name="annex.pdf"):
    path = tmp_path / name
    with open(path, "wb") as out:
        pages = write_annex(rows, out, heading=heading, language=language)
    return path, pages


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)  # noqa: S603, S607
    assert info.stderr == "", info.stderr  # poppler complains about any broken offset or object
    return int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1])


def pdf_text(path, *, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    command = ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603, S607
    assert result.stderr == "", result.stderr
    return result.stdout


def test_the_annex_opens_with_as_many_pages_as_it_says(tmp_path):
    path, pages = annex_pdf(SIGNERS * 30, tmp_path)

    assert pages == 3
    assert pdf_pages(path) == 3


def test_the_annex_gives_back_each_name_in_every_script_exactly_as_signed_and_the_heading(tmp_path):
    path, _ = annex_pdf(SIGNERS, tmp_path)

    text = pdf_text(path)
    for name, province in SIGNERS:
        assert name in text
        assert province in text
    assert HEADING in text


def test_hundreds_of_made_up_names_in_four_scripts_all_read_back_exactly(tmp_path):
    rows = list(bench_annex.synthetic_rows(600, seed=5))

    path, _ = annex_pdf(rows, tmp_path)

    text = pdf_text(path)
    assert [name for name, _ in rows if name not in text] == []


def test_rows_are_numbered_fifty_to_a_page_and_the_last_page_holds_the_rest(tmp_path):
    rows = [(f"ผู้ลงชื่อ {number}", "เชียงราย") for number in range(1, 121)]

    path, pages = annex_pdf(rows, tmp_path)

    assert ROWS_PER_PAGE == 50
    assert pages == pdf_pages(path) == 3
    second, third = pdf_text(path, page=2), pdf_text(path, page=3)
    assert "ผู้ลงชื่อ 51\n" in second and "ผู้ลงชื่อ 100\n" in second
    assert "ผู้ลงชื่อ 50\n" not in second and "ผู้ลงชื่อ 101\n" not in second
    assert "ผู้ลงชื่อ 101\n" in third and "ผู้ลงชื่อ 120\n" in third
    assert "Page 3" in third and HEADING in third


def test_exactly_fifty_rows_make_one_page(tmp_path):
    path, pages = annex_pdf(SIGNERS * 10, tmp_path)

    assert pages == pdf_pages(path) == 1


def test_no_signers_give_one_page_that_says_so(tmp_path):
    path, pages = annex_pdf([], tmp_path)

    assert pages == pdf_pages(path) == 1
    assert "No one has signed." in pdf_text(path)


def test_the_column_heads_are_in_the_language_asked_for(tmp_path):
    thai, _ = annex_pdf(SIGNERS, tmp_path, language="th", name="th.pdf")
    english, _ = annex_pdf(SIGNERS, tmp_path, language="en", name="en.pdf")

    thai_text, english_text = pdf_text(thai), pdf_text(english)
    assert "ลำดับ" in thai_text and "ชื่อ" in thai_text and "จังหวัด" in thai_text and "หน้า 1" in thai_text
    assert "Province" not in thai_text
    assert "No." in english_text and "Name" in english_text and "Province" in english_text


def test_a_name_no_font_can_draw_is_kept_in_the_text_and_does_not_stop_the_annex(tmp_path):
    rows = [("李小龍 😀", "x"), ("مريم\u200f", ""), ("tab\tand\nnew line", "\x00"), ("", "")] + SIGNERS

    path, pages = annex_pdf(rows, tmp_path)

    assert pages == pdf_pages(path) == 1
    text = pdf_text(path)
    assert "李小龍 😀" in text
    assert "tab and new line" in text
    assert "Anna Müller-Lüdenscheidt" in text


def test_a_very_long_name_is_squeezed_into_its_column_and_still_reads_back(tmp_path):
    name = "สมชาย " + "ศรีสุขวงศ์ใหญ่" * 8

    path, _ = annex_pdf([(name, "เชียงราย")], tmp_path)

    assert name in pdf_text(path).replace("\n", "")


def test_the_annex_is_written_to_a_file_that_cannot_seek(tmp_path):
    class Pipe(io.RawIOBase):
        def __init__(self):
            self.data = bytearray()

        def writable(self):
            return True

        def write(self, data):
            self.data += data
            return len(data)

    pipe = Pipe()
    pages = write_annex(SIGNERS * 11, pipe, heading=HEADING, language="th")
    path = tmp_path / "piped.pdf"
    path.write_bytes(bytes(pipe.data))

    assert pages == pdf_pages(path) == 2


def test_the_bench_writes_the_annex_of_a_petitions_counted_signers_with_province_names(petition):
    confirmed(petition, name="มาลี ทองคำ", province="chiang-rai")
    confirmed(petition, name="ဇော်ဇော်", province="outside-th")
    SignatureFactory(petition=petition, name="ยังไม่ยืนยัน", status=SignatureStatus.PENDING)

    count, rows = bench_annex.petition_rows(petition.pk)
    result = bench_annex.petition(petition.pk)

    assert count == 2
    assert list(rows) == [("มาลี ทองคำ", "เชียงราย"), ("ဇော်ဇော်", "นอกประเทศไทย")]
    assert result["rows"] == 2 and result["pages"] == 1
    assert bench_annex.largest_petition() == petition.pk


def test_the_bench_says_when_no_petition_has_signers(db):
    assert bench_annex.largest_petition() is None
    assert bench_annex.petition(None) == {"reason": "no petition with signatures"}


@pytest.mark.parametrize("count", [0, 1])
def test_the_bench_measures_the_writer_on_made_up_signers(count):
    result = bench_annex.measure(bench_annex.synthetic_rows(count * 120))

    assert result["rows"] == count * 120
    assert result["pages"] == max(1, count * 3)
    assert {"seconds", "growth_mib", "met"} <= set(result)


def test_a_short_annex_is_a_small_file_with_only_the_glyphs_it_draws(tmp_path):
    path, _ = annex_pdf(SIGNERS * 4, tmp_path)

    assert path.stat().st_size < 60_000  # the three fonts in full are 840 KB
