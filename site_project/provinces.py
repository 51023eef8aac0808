"""Thai provinces: the 76 changwat plus Bangkok (กรุงเทพมหานคร), 77 entries in all.

Each entry is ``(code, thai_name, english_name)``:

* ``code`` is a short, stable, lowercase ASCII slug built from the English name
  (``"chiang-rai"``, ``"nakhon-ratchasima"``). Codes are stored in the database, so never
  change an existing one; add new entries instead.
* ``thai_name`` is the official Thai name (Bangkok is ``"กรุงเทพมหานคร"``).
* ``english_name`` follows the Royal Institute's official romanisation (RTGS), e.g.
  "Chon Buri", "Buri Ram", "Si Sa Ket", rather than the run-together forms sometimes seen
  ("Chonburi", "Buriram", "Sisaket").

``PROVINCES`` is sorted in Thai dictionary order of ``thai_name`` (the Royal Institute
dictionary convention): leading vowels เ แ โ ใ ไ are sorted by the consonant that follows them,
tone marks are ignored, and a consonant followed directly by another consonant sorts before the
same consonant followed by a vowel. That is why กระบี่ comes before กรุงเทพมหานคร and ชลบุรี before
ชัยนาท. Bangkok is not pulled to the top; do that in the view if a form needs it.

``OUTSIDE_THAILAND`` is an extra choice for people and partners based abroad; it is not a
province and is not part of ``PROVINCES``.
"""

import functools

PROVINCES = (
    ("krabi", "กระบี่", "Krabi"),
    ("bangkok", "กรุงเทพมหานคร", "Bangkok"),
    ("kanchanaburi", "กาญจนบุรี", "Kanchanaburi"),
    ("kalasin", "กาฬสินธุ์", "Kalasin"),
    ("kamphaeng-phet", "กำแพงเพชร", "Kamphaeng Phet"),
    ("khon-kaen", "ขอนแก่น", "Khon Kaen"),
    ("chanthaburi", "จันทบุรี", "Chanthaburi"),
    ("chachoengsao", "ฉะเชิงเทรา", "Chachoengsao"),
    ("chon-buri", "ชลบุรี", "Chon Buri"),
    ("chai-nat", "ชัยนาท", "Chai Nat"),
    ("chaiyaphum", "ชัยภูมิ", "Chaiyaphum"),
    ("chumphon", "ชุมพร", "Chumphon"),
    ("chiang-rai", "เชียงราย", "Chiang Rai"),
    ("chiang-mai", "เชียงใหม่", "Chiang Mai"),
    ("trang", "ตรัง", "Trang"),
    ("trat", "ตราด", "Trat"),
    ("tak", "ตาก", "Tak"),
    ("nakhon-nayok", "นครนายก", "Nakhon Nayok"),
    ("nakhon-pathom", "นครปฐม", "Nakhon Pathom"),
    ("nakhon-phanom", "นครพนม", "Nakhon Phanom"),
    ("nakhon-ratchasima", "นครราชสีมา", "Nakhon Ratchasima"),
    ("nakhon-si-thammarat", "นครศรีธรรมราช", "Nakhon Si Thammarat"),
    ("nakhon-sawan", "นครสวรรค์", "Nakhon Sawan"),
    ("nonthaburi", "นนทบุรี", "Nonthaburi"),
    ("narathiwat", "นราธิวาส", "Narathiwat"),
    ("nan", "น่าน", "Nan"),
    ("bueng-kan", "บึงกาฬ", "Bueng Kan"),
    ("buri-ram", "บุรีรัมย์", "Buri Ram"),
    ("pathum-thani", "ปทุมธานี", "Pathum Thani"),
    ("prachuap-khiri-khan", "ประจวบคีรีขันธ์", "Prachuap Khiri Khan"),
    ("prachin-buri", "ปราจีนบุรี", "Prachin Buri"),
    ("pattani", "ปัตตานี", "Pattani"),
    ("phra-nakhon-si-ayutthaya", "พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya"),
    ("phayao", "พะเยา", "Phayao"),
    ("phang-nga", "พังงา", "Phang Nga"),
    ("phatthalung", "พัทลุง", "Phatthalung"),
    ("phichit", "พิจิตร", "Phichit"),
    ("phitsanulok", "พิษณุโลก", "Phitsanulok"),
    ("phetchaburi", "เพชรบุรี", "Phetchaburi"),
    ("phetchabun", "เพชรบูรณ์", "Phetchabun"),
    ("phrae", "แพร่", "Phrae"),
    ("phuket", "ภูเก็ต", "Phuket"),
    ("maha-sarakham", "มหาสารคาม", "Maha Sarakham"),
    ("mukdahan", "มุกดาหาร", "Mukdahan"),
    ("mae-hong-son", "แม่ฮ่องสอน", "Mae Hong Son"),
    ("yasothon", "ยโสธร", "Yasothon"),
    ("yala", "ยะลา", "Yala"),
    ("roi-et", "ร้อยเอ็ด", "Roi Et"),
    ("ranong", "ระนอง", "Ranong"),
    ("rayong", "ระยอง", "Rayong"),
    ("ratchaburi", "ราชบุรี", "Ratchaburi"),
    ("lop-buri", "ลพบุรี", "Lop Buri"),
    ("lampang", "ลำปาง", "Lampang"),
    ("lamphun", "ลำพูน", "Lamphun"),
    ("loei", "เลย", "Loei"),
    ("si-sa-ket", "ศรีสะเกษ", "Si Sa Ket"),
    ("sakon-nakhon", "สกลนคร", "Sakon Nakhon"),
    ("songkhla", "สงขลา", "Songkhla"),
    ("satun", "สตูล", "Satun"),
    ("samut-prakan", "สมุทรปราการ", "Samut Prakan"),
    ("samut-songkhram", "สมุทรสงคราม", "Samut Songkhram"),
    ("samut-sakhon", "สมุทรสาคร", "Samut Sakhon"),
    ("sa-kaeo", "สระแก้ว", "Sa Kaeo"),
    ("saraburi", "สระบุรี", "Saraburi"),
    ("sing-buri", "สิงห์บุรี", "Sing Buri"),
    ("sukhothai", "สุโขทัย", "Sukhothai"),
    ("suphan-buri", "สุพรรณบุรี", "Suphan Buri"),
    ("surat-thani", "สุราษฎร์ธานี", "Surat Thani"),
    ("surin", "สุรินทร์", "Surin"),
    ("nong-khai", "หนองคาย", "Nong Khai"),
    ("nong-bua-lam-phu", "หนองบัวลำภู", "Nong Bua Lam Phu"),
    ("ang-thong", "อ่างทอง", "Ang Thong"),
    ("amnat-charoen", "อำนาจเจริญ", "Amnat Charoen"),
    ("udon-thani", "อุดรธานี", "Udon Thani"),
    ("uttaradit", "อุตรดิตถ์", "Uttaradit"),
    ("uthai-thani", "อุทัยธานี", "Uthai Thani"),
    ("ubon-ratchathani", "อุบลราชธานี", "Ubon Ratchathani"),
)

OUTSIDE_THAILAND = ("outside-th", "นอกประเทศไทย", "Outside Thailand")


@functools.cache
def names_in(language_code: str | None) -> dict[str, str]:
    """Province code to name as readers of a language read it: Thai names in Thai, English in every other.

    Built once per language and shared: callers only read it.
    """
    thai = language_code == "th"
    return {
        code: thai_name if thai else english for code, thai_name, english in (*PROVINCES, OUTSIDE_THAILAND)
    }
