"""Thai provinces, named in the site's four languages: the one place a province code becomes a name.

The 76 changwat plus Bangkok (กรุงเทพมหานคร), 77 entries in all, each a ``Province``:

* ``code`` is a short, stable, lowercase ASCII slug built from the English name
  (``"chiang-rai"``, ``"nakhon-ratchasima"``). Codes are stored in the database, so never
  change an existing one; add new entries instead.
* ``th`` is the official Thai name (Bangkok is ``"กรุงเทพมหานคร"``).
* ``en`` follows the Royal Institute's official romanisation (RTGS), e.g. "Chon Buri", "Buri Ram",
  "Si Sa Ket", rather than the run-together forms sometimes seen ("Chonburi", "Buriram", "Sisaket").
* ``km`` is the name in Khmer script: the Khmer form where Khmer shares the Pali or Sanskrit name
  (ចន្ទបុរី, សុរិន្ទ, ស្រះកែវ, ព្រះនគរស្រីអយុធ្យា), otherwise the name as Khmer writers spell its sound (ភូកេត).
* ``my`` is the name in Burmese script as Burmese writers spell its sound (ဘန်ကောက်, ချင်းမိုင်, ဖူးခက်).

``PROVINCES`` is sorted in Thai dictionary order of the Thai name (the Royal Institute dictionary
convention): leading vowels เ แ โ ใ ไ are sorted by the consonant that follows them, tone marks are
ignored, and a consonant followed directly by another consonant sorts before the same consonant followed
by a vowel. That is why กระบี่ comes before กรุงเทพมหานคร and ชลบุรี before ชัยนาท. Bangkok is not pulled
to the top; do that in the view if a form needs it.

``OUTSIDE_THAILAND`` is an extra choice for people and partners based abroad; it is not a province and is
not part of ``PROVINCES``.

Read names through ``name(code)`` (one province, in the active language), ``names_in(language)`` (all of
them, for a long list such as an export) and ``choices()`` (a form's options, in the reader's order).
``model_choices()`` is what model fields declare: their migrations record the Thai names.
"""

import functools
from typing import NamedTuple

from django.utils import translation

LANGUAGES = ("th", "en", "km", "my")
FALLBACK_LANGUAGE = "en"


class Province(NamedTuple):
    code: str
    th: str
    en: str
    km: str
    my: str

    def name(self, language: str | None = None) -> str:
        """The name as readers of ``language`` (the active language by default) write it."""
        return getattr(self, _language(language))


def _language(language: str | None) -> str:
    code = (language or translation.get_language() or "th").split("-")[0].lower()
    return code if code in LANGUAGES else FALLBACK_LANGUAGE


PROVINCES = (
    Province("krabi", "กระบี่", "Krabi", "ក្រាប៊ី", "ကရာဘီ"),
    Province("bangkok", "กรุงเทพมหานคร", "Bangkok", "បាងកក", "ဘန်ကောက်"),
    Province("kanchanaburi", "กาญจนบุรี", "Kanchanaburi", "កាញ្ចនបុរី", "ကန်ချနာဘူရီ"),
    Province("kalasin", "กาฬสินธุ์", "Kalasin", "កាឡសិន្ធុ", "ကာလာစင်"),
    Province("kamphaeng-phet", "กำแพงเพชร", "Kamphaeng Phet", "កំផែងពេជ្រ", "ကမ်ဖိန်းဖက်"),
    Province("khon-kaen", "ขอนแก่น", "Khon Kaen", "ខនកែន", "ခွန်ကိန်"),
    Province("chanthaburi", "จันทบุรี", "Chanthaburi", "ចន្ទបុរី", "ချန်သဘူရီ"),
    Province("chachoengsao", "ฉะเชิงเทรา", "Chachoengsao", "ឆាជើងសៅ", "ချာချိုင်ဆောင်"),
    Province("chon-buri", "ชลบุรี", "Chon Buri", "ជលបុរី", "ချုံဘူရီ"),
    Province("chai-nat", "ชัยนาท", "Chai Nat", "ជ័យនាទ", "ချိုင်းနတ်"),
    Province("chaiyaphum", "ชัยภูมิ", "Chaiyaphum", "ជ័យភូមិ", "ချိုင်ယာဖွမ်"),
    Province("chumphon", "ชุมพร", "Chumphon", "ជុំពរ", "ချွမ်ဖုန်"),
    Province("chiang-rai", "เชียงราย", "Chiang Rai", "ឈៀងរ៉ាយ", "ချင်းရိုင်"),
    Province("chiang-mai", "เชียงใหม่", "Chiang Mai", "ឈៀងម៉ៃ", "ချင်းမိုင်"),
    Province("trang", "ตรัง", "Trang", "ត្រាំង", "ထရန်"),
    Province("trat", "ตราด", "Trat", "ត្រាត", "ထရတ်"),
    Province("tak", "ตาก", "Tak", "តាក", "တာ့ခ်"),
    Province("nakhon-nayok", "นครนายก", "Nakhon Nayok", "នគរនាយក", "နခွန်နာယုတ်"),
    Province("nakhon-pathom", "นครปฐม", "Nakhon Pathom", "នគរបឋម", "နခွန်ပထုမ်"),
    Province("nakhon-phanom", "นครพนม", "Nakhon Phanom", "នគរភ្នំ", "နခွန်ဖနွမ်"),
    Province("nakhon-ratchasima", "นครราชสีมา", "Nakhon Ratchasima", "នគររាជសីមា", "နခွန်ရာချသီမာ"),
    Province("nakhon-si-thammarat", "นครศรีธรรมราช", "Nakhon Si Thammarat", "នគរស្រីធម្មរាជ", "နခွန်ဆီတမ္မရတ်"),
    Province("nakhon-sawan", "นครสวรรค์", "Nakhon Sawan", "នគរសួគ៌", "နခွန်စဝမ်"),
    Province("nonthaburi", "นนทบุรี", "Nonthaburi", "នន្ទបុរី", "နွန်သဘူရီ"),
    Province("narathiwat", "นราธิวาส", "Narathiwat", "នរាធិវាស", "နာရာသီဝပ်"),
    Province("nan", "น่าน", "Nan", "ណាន", "နန်"),
    Province("bueng-kan", "บึงกาฬ", "Bueng Kan", "បឹងកាឡ", "ဘွန်ကန်"),
    Province("buri-ram", "บุรีรัมย์", "Buri Ram", "បុរីរម្យ", "ဘူရီရမ်"),
    Province("pathum-thani", "ปทุมธานี", "Pathum Thani", "បទុមធានី", "ပထုမ်ထာနီ"),
    Province("prachuap-khiri-khan", "ประจวบคีรีขันธ์", "Prachuap Khiri Khan", "ប្រចួបគីរីខ័ន្ធ", "ပရာချွပ်ခီရီခန်"),
    Province("prachin-buri", "ปราจีนบุรี", "Prachin Buri", "ប្រាចីនបុរី", "ပရာချင်ဘူရီ"),
    Province("pattani", "ปัตตานี", "Pattani", "ប៉ាតានី", "ပတ္တာနီ"),
    Province(
        "phra-nakhon-si-ayutthaya",
        "พระนครศรีอยุธยา",
        "Phra Nakhon Si Ayutthaya",
        "ព្រះនគរស្រីអយុធ្យា",
        "ဖရနခွန်ဆီအယုဒ္ဓယ",
    ),
    Province("phayao", "พะเยา", "Phayao", "ផាយ៉ាវ", "ဖယောင်"),
    Province("phang-nga", "พังงา", "Phang Nga", "ផាំងងា", "ဖန်ငါ"),
    Province("phatthalung", "พัทลุง", "Phatthalung", "ផាត់ថាលុង", "ဖတ်တလုံ"),
    Province("phichit", "พิจิตร", "Phichit", "ពិចិត្រ", "ဖိချစ်"),
    Province("phitsanulok", "พิษณุโลก", "Phitsanulok", "ពិស្ណុលោក", "ဖိဆာနုလုတ်"),
    Province("phetchaburi", "เพชรบุรี", "Phetchaburi", "ពេជ្របុរី", "ဖက်ချဘူရီ"),
    Province("phetchabun", "เพชรบูรณ์", "Phetchabun", "ពេជ្របូរណ៍", "ဖက်ချဘွန်"),
    Province("phrae", "แพร่", "Phrae", "ផ្រែ", "ဖရဲ"),
    Province("phuket", "ภูเก็ต", "Phuket", "ភូកេត", "ဖူးခက်"),
    Province("maha-sarakham", "มหาสารคาม", "Maha Sarakham", "មហាសារខាម", "မဟာစာရခမ်"),
    Province("mukdahan", "มุกดาหาร", "Mukdahan", "មុក្ដាហារ", "မုက်ဒါဟန်"),
    Province("mae-hong-son", "แม่ฮ่องสอน", "Mae Hong Son", "ម៉ែហុងសន", "မဲဟောင်ဆောင်"),
    Province("yasothon", "ยโสธร", "Yasothon", "យសោធរ", "ယဆိုထုန်"),
    Province("yala", "ยะลา", "Yala", "យ៉ាឡា", "ယာလာ"),
    Province("roi-et", "ร้อยเอ็ด", "Roi Et", "រ៉យអេត", "ရွိုင်အက်"),
    Province("ranong", "ระนอง", "Ranong", "រ៉ាណង", "ရနောင်း"),
    Province("rayong", "ระยอง", "Rayong", "រ៉ាយ៉ង", "ရယောင်း"),
    Province("ratchaburi", "ราชบุรี", "Ratchaburi", "រាជបុរី", "ရတ်ချဘူရီ"),
    Province("lop-buri", "ลพบุรี", "Lop Buri", "លពបុរី", "လော့ဘူရီ"),
    Province("lampang", "ลำปาง", "Lampang", "ឡាំប៉ាង", "လမ်ပန်း"),
    Province("lamphun", "ลำพูน", "Lamphun", "ឡាំពូន", "လမ်ဖွန်"),
    Province("loei", "เลย", "Loei", "លើយ", "လိုအိ"),
    Province("si-sa-ket", "ศรีสะเกษ", "Si Sa Ket", "ស៊ីសាកេត", "ဆီဆာကက်"),
    Province("sakon-nakhon", "สกลนคร", "Sakon Nakhon", "សកលនគរ", "စကုန်နခွန်"),
    Province("songkhla", "สงขลา", "Songkhla", "សុងខ្លា", "ဆောင်ခလာ"),
    Province("satun", "สตูล", "Satun", "សាទូន", "စတွန်"),
    Province("samut-prakan", "สมุทรปราการ", "Samut Prakan", "សមុទ្រប្រាការ", "စမွတ်ပရာကန်"),
    Province("samut-songkhram", "สมุทรสงคราม", "Samut Songkhram", "សមុទ្រសង្គ្រាម", "စမွတ်ဆောင်ခရမ်"),
    Province("samut-sakhon", "สมุทรสาคร", "Samut Sakhon", "សមុទ្រសាគរ", "စမွတ်စာခွန်"),
    Province("sa-kaeo", "สระแก้ว", "Sa Kaeo", "ស្រះកែវ", "ဆာကဲဝ်"),
    Province("saraburi", "สระบุรี", "Saraburi", "ស្រះបុរី", "စရဘူရီ"),
    Province("sing-buri", "สิงห์บุรี", "Sing Buri", "សិង្ហបុរី", "စင်ဘူရီ"),
    Province("sukhothai", "สุโขทัย", "Sukhothai", "សុខោទ័យ", "သုခိုတိုင်"),
    Province("suphan-buri", "สุพรรณบุรี", "Suphan Buri", "សុពណ៌បុរី", "စုဖန်ဘူရီ"),
    Province("surat-thani", "สุราษฎร์ธานี", "Surat Thani", "សុរាស្ត្រធានី", "စူရတ်ထာနီ"),
    Province("surin", "สุรินทร์", "Surin", "សុរិន្ទ", "စူရင်"),
    Province("nong-khai", "หนองคาย", "Nong Khai", "ណុងខាយ", "နောင်ခိုင်"),
    Province("nong-bua-lam-phu", "หนองบัวลำภู", "Nong Bua Lam Phu", "ណុងប៊ូវឡាំភូ", "နောင်ဘွာလမ်ဖူး"),
    Province("ang-thong", "อ่างทอง", "Ang Thong", "អាងថង", "အန်ထောင်"),
    Province("amnat-charoen", "อำนาจเจริญ", "Amnat Charoen", "អំណាចចម្រើន", "အမ်နတ်ချရိုန်"),
    Province("udon-thani", "อุดรธานี", "Udon Thani", "ឧត្តរធានី", "အုဒုန်ထာနီ"),
    Province("uttaradit", "อุตรดิตถ์", "Uttaradit", "ឧត្តរឌិត្ថ", "အုတ္တရဒိတ်"),
    Province("uthai-thani", "อุทัยธานี", "Uthai Thani", "ឧទ័យធានី", "အုသိုင်ထာနီ"),
    Province("ubon-ratchathani", "อุบลราชธานี", "Ubon Ratchathani", "ឧបលរាជធានី", "အုဘုန်ရာချထာနီ"),
)

OUTSIDE_THAILAND = Province("outside-th", "นอกประเทศไทย", "Outside Thailand", "ក្រៅប្រទេសថៃ", "ထိုင်းနိုင်ငံပြင်ပ")

EVERY_CHOICE = (*PROVINCES, OUTSIDE_THAILAND)
CODES = frozenset(province.code for province in EVERY_CHOICE)
BY_CODE = {province.code: province for province in EVERY_CHOICE}


def name(code: str | None, language: str | None = None) -> str:
    """The province (or "outside Thailand") in ``language``, the active one by default.

    An empty code gives ``""``; a code this module does not know (an old row) is shown as it is stored.
    """
    if not code:
        return ""
    province = BY_CODE.get(code)
    return province.name(language) if province is not None else code


@functools.cache
def _names(language: str) -> dict[str, str]:
    return {province.code: province.name(language) for province in EVERY_CHOICE}


def names_in(language: str | None) -> dict[str, str]:
    """Every code and its name in ``language``, built once per language and shared: callers only read it."""
    return _names(_language(language))


@functools.cache
def _choices(language: str) -> tuple[tuple[str, str], ...]:
    provinces = [(province.code, province.name(language)) for province in PROVINCES]
    if language != "th":  # Thai readers find a province in dictionary order; others in their own script's
        provinces.sort(key=lambda choice: choice[1].casefold())
    return (*provinces, (OUTSIDE_THAILAND.code, OUTSIDE_THAILAND.name(language)))


def choices(language: str | None = None) -> list[tuple[str, str]]:
    """A form's options: the 77 provinces named and ordered for the reader, then "outside Thailand"."""
    return list(_choices(_language(language)))


def model_choices() -> list[tuple[str, str]]:
    """The choices model fields declare (the Thai names): their migrations record exactly these."""
    return [(province.code, province.th) for province in EVERY_CHOICE]


def editor_choices() -> list[tuple[str, str]]:
    """Thai with the English name beside it, as editors pick a province in the page editor."""
    return [(province.code, f"{province.th} ({province.en})") for province in EVERY_CHOICE]
