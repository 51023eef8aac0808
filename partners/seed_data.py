"""Demo partner data, taken from two of the public source documents in ``/work/shared/seeds/``.

* ``004_3f3bbcc54b0a69c8.txt``: the USAID / World Vision / Winrock case study of the Chiang Rai
  coordinating committee of civil-society organisations for the protection of children and women
  and against human trafficking (คปค.). ``COALITION`` and ``CHIANG_RAI_MEMBERS`` come from it; the
  member list, roles and pillars follow the table "สมาชิกคณะกรรมการ (ณ เดือนมีนาคม พ.ศ. 2565)".
* ``002_3f99bb619eff366d.txt``: the Women and Men Progressive Movement Foundation
  (มูลนิธิหญิงชายก้าวไกล) page "สนับสนุนงานภาคีเครือข่าย". ``OTHER_PARTNERS`` comes from it.

Thai text is spelled as in the sources. Nothing here (phone numbers, addresses, founding years,
staff names) goes beyond what the documents say, except the organisations' usual English names
and abbreviations, which the Thai sources do not give; where no English name is in common use the
``name_en`` is a faithful translation or transliteration of the Thai name.

Notes on fields the sources do not state for each organisation:

* ``services``: the case study gives pillars and roles per member, not services. Every member is
  given ``advocacy`` and ``referral`` because those are the committee's joint work (the annual
  campaigns, and the multidisciplinary-team victim identification and referral work members do
  together with local government); members with the education pillar also get ``education``.
* ``districts``: the case study says members are based in Mueang Chiang Rai and other districts
  along the Lao and Myanmar borders but does not say which member is where, so it is left empty.
* ``languages``: the sources are in Thai and say nothing about working languages, so ``("th",)``
  unless the source shows another language in use.
* ``provinces``: an empty tuple means nationwide or not tied to a province.

This is a plain data module: no Django imports, safe to import from settings, migrations or tests.
"""

import datetime

# --- Vocabularies: (slug, thai_label, english_label) -------------------------------------------

PILLARS = (
    ("anti_trafficking", "การต่อต้านการค้ามนุษย์", "Anti-trafficking"),
    ("stateless_persons", "บุคคลไร้รัฐไร้สัญชาติ", "Stateless persons"),
    ("child_protection", "การคุ้มครองเด็ก", "Child protection"),
    ("education", "การศึกษา", "Education"),
    ("gender_based_violence", "ความรุนแรงด้วยเหตุแห่งเพศ", "Gender-based violence"),
    ("alcohol_harm", "ผลกระทบจากเครื่องดื่มแอลกอฮอล์", "Alcohol harm"),
    ("women_protection", "การคุ้มครองสตรี", "Protection of women"),
    ("labour_migration", "แรงงานข้ามชาติ", "Labour migration"),
)

SERVICES = (
    ("shelter", "บ้านพักและที่พักพิง", "Shelter"),
    ("legal_aid", "ความช่วยเหลือทางกฎหมาย", "Legal aid"),
    ("counselling", "การให้คำปรึกษา", "Counselling"),
    ("education", "การศึกษา", "Education"),
    ("civil_registration", "สถานะบุคคลและการทะเบียนราษฎร", "Civil registration and legal status"),
    ("health", "สุขภาพ", "Health"),
    ("livelihoods", "อาชีพและรายได้", "Livelihoods"),
    ("referral", "การส่งต่อความช่วยเหลือ", "Referral"),
    ("research", "การวิจัยและข้อมูล", "Research and data"),
    ("advocacy", "การรณรงค์และผลักดันนโยบาย", "Campaigns and advocacy"),
)

# --- The Chiang Rai committee (คปค.) -------------------------------------------------------------

# The document mostly writes the abbreviation คปค.; the cover and two photo captions write คปก.,
# which reads as a typo for the same committee.
COALITION = {
    "slug": "chiang-rai-cso-coordinating-committee",
    "name_th": "คณะกรรมการประสานงานองค์กรภาคประชาสังคมเพื่อคุ้มครองเด็ก สตรี และต่อต้านการค้ามนุษย์ในจังหวัดเชียงราย",
    "name_en": (
        "Chiang Rai Coordinating Committee of Civil Society Organisations for the Protection of "
        "Children and Women and against Human Trafficking"
    ),
    "abbreviation": "คปค.",
    "provinces": ("chiang-rai",),
    "first_convened": "2018-08",  # "เดือนสิงหาคม พ.ศ. 2561"; the document gives no day.
    # Signed by the 14 founding members on 18 กันยายน พ.ศ. 2562 (checked against the text).
    "mou_date": datetime.date(2019, 9, 18),
    "mou_signatories": 14,
    "member_count": 16,  # as of March 2022 (มีนาคม พ.ศ. 2565)
    "members_as_of": "2022-03",
    "supported_by": ("USAID", "World Vision", "Winrock International"),
    "renewal_rule_th": (
        "สมาชิกต่ออายุสมาชิกรายปี และสามารถลาออกจาก คปค. ได้ทุกเมื่อ คปค. เปิดรับสมาชิกใหม่เพิ่มทุกปี "
        "เมื่อใดก็ตามที่มีสมาชิกใหม่เข้าร่วม สมาชิกปัจจุบันของ คปค. จะต้องให้การรับรององค์กรที่เป็นสมาชิกใหม่"
    ),
    "renewal_rule_en": (
        "Membership is renewed every year and a member may leave the committee at any time. New "
        "members are admitted once a year, and each new member must be endorsed by the existing members."
    ),
    "eligibility_th": (
        "ภารกิจหลัก กลุ่มเป้าหมาย และวัตถุประสงค์ขององค์กรสอดคล้องกับธรรมนูญของ คปค. "
        "และเป็นองค์กรที่จดทะเบียนจัดตั้งเป็นองค์กรภาคประชาสังคมหรือองค์กรพัฒนาเอกชนในประเทศไทย"
    ),
    "eligibility_en": (
        "The organisation's core mission, target groups and objectives fit the committee's charter, "
        "and it is registered as a civil-society organisation or NGO in Thailand."
    ),
    "description_th": (
        "คปค. เป็นเวทีประสานงานขององค์กรภาคประชาสังคมในจังหวัดเชียงรายที่ทำงานกับกลุ่มเปราะบาง "
        "รวมถึงกลุ่มชาติพันธุ์ บุคคลไร้รัฐไร้สัญชาติ แรงงานข้ามชาติ ผู้หญิง และเด็ก "
        "จัดตั้งขึ้นครั้งแรกเมื่อเดือนสิงหาคม พ.ศ. 2561 และจัดตั้งอย่างเป็นทางการด้วยบันทึกข้อตกลงความร่วมมือ (MoU) "
        "เมื่อวันที่ 18 กันยายน พ.ศ. 2562 ณ เดือนมีนาคม พ.ศ. 2565 มีองค์กรสมาชิก 16 แห่ง "
        "ดำเนินงานภายใต้เสาหลัก 4 เสา ได้แก่ การต่อต้านการค้ามนุษย์ บุคคลไร้รัฐไร้สัญชาติ การคุ้มครอง และการศึกษา"
    ),
    "description_en": (
        "The committee brings together civil-society organisations in Chiang Rai that work with "
        "vulnerable groups, including ethnic minorities, stateless people, migrant workers, women and "
        "children. It first met in August 2018 and was formally established by a memorandum of "
        "understanding signed on 18 September 2019. As of March 2022 it had 16 member organisations "
        "working under four pillars: anti-trafficking, stateless persons, protection and education."
    ),
    "vision_th": (
        "เราดำเนินงานเพื่อให้ความช่วยเหลือและคุ้มครองเด็ก สตรี และบุคคลที่เป็นกลุ่มเสี่ยง/กลุ่มเปราะบาง "
        "ส่งเสริมสิทธิมนุษยชน และยุติการค้ามนุษย์"
    ),
    "vision_en": (
        "We work to assist and protect children, women and people at risk or in vulnerable groups, "
        "to promote human rights and to end human trafficking."
    ),
    "facts": (
        (
            "ในจังหวัดเชียงรายมีองค์กรภาคประชาสังคมมากกว่า 30 แห่ง ที่ทำงานร่วมกับกลุ่มเปราะบาง",
            "More than 30 civil-society organisations in Chiang Rai work with vulnerable groups.",
        ),
        (
            "คณะกรรมการขับเคลื่อนนำเอกสารจัดตั้งเครือข่ายสิทธิเด็กประเทศไทย (CRC Coalition) "
            "มาเป็นต้นแบบในการร่างธรรมนูญ คปค.",
            "The steering committee drafted the charter using the founding documents of the CRC "
            "Coalition Thailand as a model.",
        ),
        (
            "เมื่อวันที่ 25 พฤศจิกายน พ.ศ. 2561 สมาชิก คปค. ร่วมกับสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด "
            "เป็นเจ้าภาพจัดกิจกรรมรณรงค์ระดับจังหวัดเนื่องในวันยุติความรุนแรงต่อสตรีสากล",
            "On 25 November 2018 members co-hosted a provincial awareness campaign with the provincial "
            "Office of Social Development and Human Security for the International Day for the "
            "Elimination of Violence against Women.",
        ),
        (
            "องค์กรสมาชิก 14 แห่ง ร่วมลงนามในบันทึกข้อตกลงความร่วมมือ (MoU) เมื่อวันที่ 18 กันยายน พ.ศ. 2562",
            "Fourteen member organisations signed the memorandum of understanding on 18 September 2019.",
        ),
        (
            "มีสมาชิกใหม่ 2 รายเข้าร่วม คปค. เมื่อปี พ.ศ. 2563 และ 2564 รวมเป็น 16 องค์กรสมาชิก",
            "Two new members joined in 2020 and 2021, bringing the committee to 16 member organisations.",
        ),
        (
            "เข้าถึงประชาชนมากกว่า 2,000 คน ผ่านกิจกรรมรณรงค์ เพื่อสร้างความตระหนักรู้เกี่ยวกับความรุนแรงด้วยเหตุแห่งเพศ "
            "การค้ามนุษย์ สิทธิแรงงาน การคัดแยกผู้เสียหาย และการรายงานเหตุ",
            "Campaigns reached more than 2,000 people with awareness of gender-based violence, human "
            "trafficking, labour rights, victim identification and reporting.",
        ),
        (
            "จัดการฝึกอบรมสร้างศักยภาพ 3 ครั้ง ให้กับผู้ปฏิบัติงาน ทีมสหวิชาชีพจำนวน 126 คน ในจังหวัดเชียงราย "
            "ระหว่างปี พ.ศ. 2562-2564",
            "Three capacity-building trainings for 126 front-line multidisciplinary-team workers in "
            "Chiang Rai between 2019 and 2021, on victim identification, referral, protection and "
            "assistance.",
        ),
        (
            "จัดทำแนวทางการปฏิบัติที่ดีในการคัดแยกผู้เสียหาย การส่งต่อการให้ความช่วยเหลือ การคุ้มครอง "
            "การสอบสวน และการส่งตัวกลับประเทศ ร่วมกับหน่วยงานรัฐระดับท้องถิ่นในจังหวัดเชียงราย",
            "Good-practice guidelines on victim identification, referral, protection, investigation and "
            "repatriation, written with local government agencies in Chiang Rai.",
        ),
        (
            "ผู้ว่าราชการจังหวัดให้การรับรองตารางการปฏิบัติงานของทีมสหวิชาชีพที่หน่วยงานรัฐและสมาชิก คปค. จัดทำขึ้น",
            "The provincial governor endorsed the multidisciplinary team's duty schedule drawn up by "
            "government agencies and committee members.",
        ),
        (
            "องค์กรสมาชิก คปค. 10 แห่ง และบ้านพักเด็กและครอบครัวจังหวัดเชียงรายลงนามในบันทึกข้อตกลงความร่วมมือ"
            "ว่าด้วยการเสริมประสิทธิภาพกลไกการคุ้มครองเด็กระดับตำบล",
            "Ten member organisations and the Chiang Rai Children and Family Shelter signed an MoU on "
            "strengthening sub-district child-protection mechanisms.",
        ),
        (
            "การสื่อสารนอกที่ประชุมรายไตรมาสเป็นการสื่อสารผ่านแอปพลิเคชันไลน์ซึ่งไม่เป็นทางการ "
            "ทำให้การกำหนดหน้าที่ความรับผิดชอบระหว่างองค์กรเป็นไปได้ยาก",
            "Communication between quarterly meetings ran informally over LINE, which made it hard to "
            "assign responsibilities between organisations.",
        ),
        (
            "คปค. ควรพัฒนาฐานข้อมูลส่วนกลางและ/หรือเว็บไซต์ เพื่อให้เป็นแพลตฟอร์มสำหรับการแบ่งปันรายงานและเอกสาร "
            "ข้อมูลและความรู้ระหว่างองค์กรสมาชิก",
            "Recommendation (March 2022): build a central database and/or website for members to share "
            "reports, documents, data and knowledge.",
        ),
    ),
}

# Shared description sentences for the Chiang Rai members.
_CR_MEMBER_TH = "องค์กรสมาชิก คปค. ตั้งอยู่ในอำเภอเมืองและอำเภอต่าง ๆ ในจังหวัดเชียงรายตามชายแดนประเทศลาวและประเทศเมียนมา"
_CR_MEMBER_EN = (
    "Committee members are based in Mueang Chiang Rai and in districts along the Lao and Myanmar borders."
)
_CR_STEERING_TH = "คณะกรรมการขับเคลื่อนของ คปค. ร่างธรรมนูญ และจัดหาและคัดกรององค์กรที่สนใจเข้าร่วมเป็นสมาชิก คปค."
_CR_STEERING_EN = (
    "The committee's steering committee drafted its charter and sought out and screened "
    "organisations interested in joining."
)
_CR_OFFICERS_TH = "ประธาน รองประธาน และเลขานุการคณะกรรมการมาจากการลงคะแนนเสียงในการประชุมเบื้องต้นของ คปค."
_CR_OFFICERS_EN = "The chair, vice-chair and secretary were elected by vote at the committee's first meeting."

# The 004 table lists exactly 16 organisations, matching the 16 members the text gives for March 2022.
# Kind: "international_ngo" is used for the Thai foundations or country offices of international
# organisations (World Vision, ADRA, Destiny Rescue, Plan International); ECPAT Foundation is a
# locally registered Thai NGO in the ECPAT network, so it is "ngo".
CHIANG_RAI_MEMBERS = (
    {
        "slug": "world-vision-foundation-of-thailand",
        "name_th": "มูลนิธิศุภนิมิตแห่งประเทศไทย",
        "name_en": "World Vision Foundation of Thailand",
        "abbreviation": "WVFT",
        "kind": "international_ngo",
        "role": "chair",
        "pillars": ("child_protection", "anti_trafficking"),
        # research: as chair it interviewed five key informants and reviewed the SWOT analysis (April 2022).
        "services": ("advocacy", "referral", "research"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "มูลนิธิศุภนิมิตแห่งประเทศไทยเป็นประธาน คปค. และทำงานด้านการคุ้มครองเด็กและการต่อต้านการค้ามนุษย์ "
            "ในปี พ.ศ. 2561 มูลนิธิศุภนิมิตได้หารือกับองค์กรพัฒนาเอกชนอื่น ๆ ในจังหวัดเชียงราย "
            "เพื่อเสนอให้มีการจัดตั้งคณะกรรมการ ภายใต้โครงการต่อต้านการค้ามนุษย์ในประเทศไทยที่สนับสนุนโดย USAID "
            "ในเดือนเมษายน พ.ศ. 2565 ประธาน คปค. ได้สัมภาษณ์ผู้ให้ข้อมูลหลัก 5 คน และทบทวนผลการวิเคราะห์ SWOT ประจำปี"
        ),
        "description_en": (
            "World Vision Foundation of Thailand chairs the committee and works on child protection and "
            "anti-trafficking. In 2018, under the USAID-supported counter-trafficking project, it "
            "consulted other NGOs in Chiang Rai and proposed setting up the committee. In April 2022 the "
            "chair interviewed five key informants and reviewed the annual SWOT analysis."
        ),
    },
    {
        # The cover photo caption mentions a 2021 meeting "ณ มูลนิธิวัฒนเสรี"; the member table spells
        # the vice-chair "มูลนิธิวิวัฒน์เสรี". The table spelling is used; the caption is not relied on.
        "slug": "wiwat-seri-foundation",
        "name_th": "มูลนิธิวิวัฒน์เสรี",
        "name_en": "Wiwat Seri Foundation",
        "abbreviation": "",
        "kind": "ngo",
        "role": "vice_chair",
        "pillars": ("education", "child_protection", "stateless_persons", "anti_trafficking"),
        "services": ("advocacy", "referral", "education"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "มูลนิธิวิวัฒน์เสรีเป็นรองประธาน คปค. และเป็นสมาชิกเพียงแห่งเดียวที่ทำงานครบทั้ง 4 เสา ได้แก่ การศึกษา "
            "การคุ้มครองเด็ก เด็กไร้รัฐไร้สัญชาติ และการต่อต้านการค้ามนุษย์ " + _CR_OFFICERS_TH
        ),
        "description_en": (
            "Wiwat Seri Foundation is the committee's vice-chair and the only member working across all "
            "four pillars: education, child protection, stateless children and anti-trafficking. "
            + _CR_OFFICERS_EN
        ),
    },
    {
        "slug": "focus-foundation-for-child-understanding",
        "name_th": "มูลนิธิเพื่อความเข้าใจเด็ก",
        "name_en": "Foundation for Child Understanding",
        "abbreviation": "FOCUS",
        "kind": "ngo",
        "role": "secretary",
        "pillars": ("anti_trafficking",),
        "services": ("advocacy", "referral"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "มูลนิธิเพื่อความเข้าใจเด็กเป็นเลขาธิการ คปค. และทำงานด้านการต่อต้านการค้ามนุษย์ " + _CR_OFFICERS_TH
        ),
        "description_en": (
            "The Foundation for Child Understanding is the committee's secretary and works on "
            "anti-trafficking. " + _CR_OFFICERS_EN
        ),
    },
    {
        "slug": "ecpat-foundation",
        "name_th": "มูลนิธิเพื่อยุติการแสวงหาประโยชน์ทางเพศจากเด็ก",
        "name_en": "ECPAT Foundation",
        "abbreviation": "ECPAT",
        "kind": "ngo",
        "role": "deputy_secretary",
        "pillars": ("child_protection", "anti_trafficking"),
        "services": ("advocacy", "referral"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "มูลนิธิเพื่อยุติการแสวงหาประโยชน์ทางเพศจากเด็กเป็นรองเลขาธิการ คปค. "
            "และทำงานด้านการคุ้มครองเด็กและการต่อต้านการค้ามนุษย์ " + _CR_MEMBER_TH
        ),
        "description_en": (
            "ECPAT Foundation is the committee's deputy secretary and works on child protection and "
            "anti-trafficking. " + _CR_MEMBER_EN
        ),
    },
    {
        "slug": "phromrak-family-foundation",
        "name_th": "มูลนิธิครอบครัวพร้อมรักษ์",
        "name_en": "Phromrak Family Foundation",
        "abbreviation": "",
        "kind": "ngo",
        "role": "steering_committee",
        "pillars": ("child_protection", "anti_trafficking"),
        "services": ("advocacy", "referral"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "มูลนิธิครอบครัวพร้อมรักษ์อยู่ในคณะกรรมการขับเคลื่อนของ คปค. "
            "และทำงานด้านการคุ้มครองเด็กและการต่อต้านการค้ามนุษย์ " + _CR_STEERING_TH
        ),
        "description_en": (
            "Phromrak Family Foundation sits on the committee's steering committee and works on child "
            "protection and anti-trafficking. " + _CR_STEERING_EN
        ),
    },
    {
        "slug": "center-for-girls-foundation",
        "name_th": "มูลนิธิศูนย์เพื่อน้องหญิง",
        "name_en": "Center for Girls Foundation",
        "abbreviation": "",
        "kind": "ngo",
        "role": "steering_committee",
        "pillars": ("child_protection",),
        "services": ("advocacy", "referral"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "มูลนิธิศูนย์เพื่อน้องหญิงอยู่ในคณะกรรมการขับเคลื่อนของ คปค. และทำงานด้านการคุ้มครองเด็ก " + _CR_STEERING_TH
        ),
        "description_en": (
            "Center for Girls Foundation sits on the committee's steering committee and works on child "
            "protection. " + _CR_STEERING_EN
        ),
    },
    {
        "slug": "new-life-center-foundation",
        "name_th": "มูลนิธิศูนย์ชีวิตใหม่",
        "name_en": "New Life Center Foundation",
        "abbreviation": "",
        "kind": "ngo",
        "role": "steering_committee",
        "pillars": ("child_protection", "anti_trafficking"),
        "services": ("advocacy", "referral"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "มูลนิธิศูนย์ชีวิตใหม่อยู่ในคณะกรรมการขับเคลื่อนของ คปค. "
            "และทำงานด้านการคุ้มครองเด็กและการต่อต้านการค้ามนุษย์ " + _CR_STEERING_TH
        ),
        "description_en": (
            "New Life Center Foundation sits on the committee's steering committee and works on child "
            "protection and anti-trafficking. " + _CR_STEERING_EN
        ),
    },
    {
        "slug": "destiny-rescue-foundation",
        "name_th": "มูลนิธิเดสทินี่ เรสคิว",
        "name_en": "Destiny Rescue Foundation",
        "abbreviation": "",
        "kind": "international_ngo",
        "role": "member",
        "pillars": ("child_protection",),
        "services": ("advocacy", "referral"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": ("มูลนิธิเดสทินี่ เรสคิวเป็นสมาชิก คปค. และทำงานด้านการคุ้มครองเด็ก " + _CR_MEMBER_TH),
        "description_en": (
            "Destiny Rescue Foundation is a member of the committee and works on child protection. "
            + _CR_MEMBER_EN
        ),
    },
    {
        "slug": "adra-thailand",
        "name_th": "มูลนิธิแอ็ดเวนตีสเพื่อการพัฒนาและบรรเทาทุกข์",
        "name_en": "Adventist Development and Relief Agency Foundation (ADRA Thailand)",
        "abbreviation": "ADRA",
        "kind": "international_ngo",
        "role": "member",
        "pillars": ("stateless_persons", "anti_trafficking"),
        "services": ("advocacy", "referral"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "มูลนิธิแอ็ดเวนตีสเพื่อการพัฒนาและบรรเทาทุกข์เป็นสมาชิก คปค. "
            "และทำงานด้านเด็กไร้รัฐไร้สัญชาติและการต่อต้านการค้ามนุษย์ " + _CR_MEMBER_TH
        ),
        "description_en": (
            "ADRA Thailand is a member of the committee and works on stateless children and "
            "anti-trafficking. " + _CR_MEMBER_EN
        ),
    },
    {
        "slug": "house-of-love",
        "name_th": "โครงการ House of Love",
        "name_en": "House of Love Project",
        "abbreviation": "",
        "kind": "ngo",
        "role": "member",
        "pillars": ("education",),
        "services": ("advocacy", "referral", "education"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": "โครงการ House of Love เป็นสมาชิก คปค. และทำงานด้านการศึกษา " + _CR_MEMBER_TH,
        "description_en": (
            "The House of Love Project is a member of the committee and works on education. " + _CR_MEMBER_EN
        ),
    },
    {
        "slug": "plan-international-thailand",
        "name_th": "องค์การแพลง อินเตอร์เนชั่นแนล ประเทศไทย",
        "name_en": "Plan International Thailand",
        "abbreviation": "",
        "kind": "international_ngo",
        "role": "member",
        "pillars": ("stateless_persons",),
        "services": ("advocacy", "referral"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "องค์การแพลง อินเตอร์เนชั่นแนล ประเทศไทยเป็นสมาชิก คปค. และทำงานด้านเด็กไร้รัฐไร้สัญชาติ " + _CR_MEMBER_TH
        ),
        "description_en": (
            "Plan International Thailand is a member of the committee and works on stateless children. "
            + _CR_MEMBER_EN
        ),
    },
    {
        "slug": "chiang-rai-children-network",
        "name_th": "เครือข่ายเด็ก จังหวัดเชียงราย",
        "name_en": "Chiang Rai Children's Network",
        "abbreviation": "",
        "kind": "community_network",
        "role": "member",
        "pillars": ("child_protection",),
        "services": ("advocacy", "referral"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": ("เครือข่ายเด็ก จังหวัดเชียงรายเป็นสมาชิก คปค. และทำงานด้านการคุ้มครองเด็ก " + _CR_MEMBER_TH),
        "description_en": (
            "The Chiang Rai Children's Network is a member of the committee and works on child protection. "
            + _CR_MEMBER_EN
        ),
    },
    {
        "slug": "bala-foundation",
        "name_th": "มูลนิธิบาลา",
        "name_en": "Bala Foundation",
        "abbreviation": "",
        "kind": "ngo",
        "role": "member",
        "pillars": ("child_protection",),
        "services": ("advocacy", "referral"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": "มูลนิธิบาลาเป็นสมาชิก คปค. และทำงานด้านการคุ้มครองเด็ก " + _CR_MEMBER_TH,
        "description_en": (
            "Bala Foundation is a member of the committee and works on child protection. " + _CR_MEMBER_EN
        ),
    },
    {
        "slug": "ruam-mit-foundation-for-children-and-youth",
        "name_th": "มูลนิธิศูนย์รวมมิตรเพื่อเด็กและเยาวชน จังหวัดเชียงราย",
        "name_en": "Ruam Mit Centre Foundation for Children and Youth, Chiang Rai",
        "abbreviation": "",
        "kind": "ngo",
        "role": "member",
        "pillars": ("education",),
        "services": ("advocacy", "referral", "education"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "มูลนิธิศูนย์รวมมิตรเพื่อเด็กและเยาวชน จังหวัดเชียงรายเป็นสมาชิก คปค. และทำงานด้านการศึกษา " + _CR_MEMBER_TH
        ),
        "description_en": (
            "The Ruam Mit Centre Foundation for Children and Youth is a member of the committee and works "
            "on education. " + _CR_MEMBER_EN
        ),
    },
    {
        # Spelled "มูลนิธิ Priesterio ประเทศไทย" in the source; kept as written.
        "slug": "priesterio-foundation-thailand",
        "name_th": "มูลนิธิ Priesterio ประเทศไทย",
        "name_en": "Priesterio Foundation Thailand",
        "abbreviation": "",
        "kind": "ngo",
        "role": "member",
        "pillars": ("education",),
        "services": ("advocacy", "referral", "education"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": "มูลนิธิ Priesterio ประเทศไทยเป็นสมาชิก คปค. และทำงานด้านการศึกษา " + _CR_MEMBER_TH,
        "description_en": (
            "Priesterio Foundation Thailand is a member of the committee and works on education. "
            + _CR_MEMBER_EN
        ),
    },
    {
        "slug": "chiang-rai-women-empowerment-network",
        "name_th": "เครือข่ายเสริมพลังสตรีเพื่อการเปลี่ยนแปลง จังหวัดเชียงราย",
        "name_en": "Women's Empowerment Network for Change, Chiang Rai",
        "abbreviation": "",
        "kind": "community_network",
        "role": "member",
        "pillars": ("anti_trafficking",),
        "services": ("advocacy", "referral"),
        "provinces": ("chiang-rai",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "เครือข่ายเสริมพลังสตรีเพื่อการเปลี่ยนแปลง จังหวัดเชียงรายเป็นสมาชิก คปค. "
            "และทำงานด้านการต่อต้านการค้ามนุษย์ " + _CR_MEMBER_TH
        ),
        "description_en": (
            "The Women's Empowerment Network for Change is a member of the committee and works on "
            "anti-trafficking. " + _CR_MEMBER_EN
        ),
    },
)

# --- Partners of the Women and Men Progressive Movement Foundation (002) -------------------------

OTHER_PARTNERS = (
    {
        "slug": "women-and-men-progressive-movement-foundation",
        "name_th": "มูลนิธิหญิงชายก้าวไกล",
        "name_en": "Women and Men Progressive Movement Foundation",
        "abbreviation": "WMP",
        "kind": "ngo",
        "role": "member",
        "pillars": ("gender_based_violence", "women_protection", "alcohol_harm"),
        # counselling: case counselling tools for survivors; referral: connecting partners to the
        # support they need; research: situation reports on sexual and domestic violence.
        "services": ("counselling", "referral", "research", "advocacy"),
        "provinces": ("bangkok",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "มูลนิธิหญิงชายก้าวไกลทำงานเพื่อ “ความเสมอภาคระหว่างเพศ” และสังคมที่ปลอดจากปัญหาความรุนแรงที่เกิดจากอคติทางเพศ "
            "โดยสนับสนุนภาคีเครือข่ายด้วยการรณรงค์สร้างกระแสสังคม การผลักดันนโยบาย "
            "และการเสริมพลังผู้ที่ผ่านพ้นปัญหามาแล้วให้เป็นแกนนำสื่อสารกับสาธารณะ (ตัวจริงเสียงจริง) "
            "มูลนิธิร่วมผลักดันประกาศ “ห้ามขายเบียร์สดในร้านสะดวกซื้อ” ซึ่งมีผลบังคับใช้เมื่อ 30 ต.ค. 2561"
        ),
        "description_en": (
            "The foundation works for gender equality and a society free of violence rooted in gender "
            "bias. It supports partner networks with public campaigns, policy advocacy and by helping "
            "survivors become spokespeople for their own experience. With alcohol-control networks it "
            "pushed for the ban on draft-beer sales in convenience stores, in force from 30 October 2018."
        ),
    },
    {
        # 002 section 2.1 names this partner kind ("ภาคีเครือข่ายชุมชน"), not a single organisation.
        "slug": "bangkok-community-network-partners",
        "name_th": "ภาคีเครือข่ายชุมชน",
        "name_en": "Community network partners (Bangkok)",
        "abbreviation": "",
        "kind": "community_network",
        "role": "member",
        "pillars": ("gender_based_violence", "alcohol_harm"),
        "services": ("advocacy",),
        "provinces": ("bangkok",),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "ภาคีเครือข่ายชุมชนเป็นกลุ่มเครือข่ายมวลชนขับเคลื่อนหลักประจำพื้นที่ยุทธศาสตร์ในกทม. "
            "มีบทบาทสำคัญมากในฐานะกองกำลังหนุนเสริมหลัก เป็นกลุ่มเคลื่อนตัวเร็วเรียกแนวร่วมได้ทันที "
            "และร่วมวางแผนปฏิบัติการร่วมกับองค์กรเฉพาะกิจได้อย่างต่อเนื่อง"
        ),
        "description_en": (
            "Community networks are the main grassroots force in the foundation's strategic area in "
            "Bangkok. They move fast, can bring supporters out at short notice, and plan actions together "
            "with the foundation on an ongoing basis."
        ),
    },
    {
        "slug": "ministry-of-social-development-and-human-security",
        "name_th": "กระทรวงพัฒนาสังคมและความมั่นคงของมนุษย์",
        "name_en": "Ministry of Social Development and Human Security",
        "abbreviation": "พม.",
        "kind": "government",
        "role": "member",
        "pillars": ("gender_based_violence", "women_protection"),
        "services": ("referral",),
        "provinces": (),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "กระทรวงพัฒนาสังคมและความมั่นคงของมนุษย์ทำงานร่วมกับมูลนิธิหญิงชายก้าวไกลในการรณรงค์ในวันสงกรานต์ "
            "และเกิดกลไกการแก้ปัญหาการคุกคามทางเพศที่เชื่อมโยงกับสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"
        ),
        "description_en": (
            "The ministry has campaigned with the foundation during Songkran. The work led to a mechanism "
            "for dealing with sexual harassment that links to the provincial Offices of Social Development "
            "and Human Security."
        ),
    },
    {
        # The source spells the name "J. Walter Thomson (JWT)"; the agency's name is J. Walter Thompson.
        # The source also names BBDO (2013 campaign); JWT is used because its campaign is described.
        "slug": "jwt",
        "name_th": "บริษัทโฆษณา J. Walter Thompson (JWT)",
        "name_en": "J. Walter Thompson",
        "abbreviation": "JWT",
        "kind": "private_company",
        "role": "member",
        "pillars": ("gender_based_violence", "alcohol_harm"),
        "services": ("advocacy",),
        "provinces": (),
        "districts": (),
        "languages": ("th",),
        "description_th": (
            "บริษัทโฆษณา J. Walter Thompson (JWT) เป็นภาคีเครือข่ายภาคเอกชนของมูลนิธิหญิงชายก้าวไกล "
            "ทำเรื่อง “บ้านไม่ใช่เวทีมวย” รณรงค์ในปี 2560 "
            "ในงานรณรงค์สื่อสารสะท้อนผลกระทบจากเครื่องดื่มแอลกอฮอล์"
        ),
        "description_en": (
            "The advertising agency J. Walter Thompson is a private-sector partner of the foundation. In "
            "2017 it made the campaign “Home is not a boxing ring” (บ้านไม่ใช่เวทีมวย), part of the "
            "foundation's communication on the harm caused by alcohol."
        ),
    },
    {
        "slug": "cindy-sirinya-bishop",
        "name_th": "ซินดี้ สิรินยา บิชอพ",
        "name_en": "Cindy Sirinya Bishop",
        "abbreviation": "",
        "kind": "influencer",
        "role": "member",
        "pillars": ("gender_based_violence", "women_protection"),
        "services": ("advocacy",),
        "provinces": (),
        "districts": (),
        "languages": ("th", "en"),
        "description_th": (
            "คุณซินดี้ สิรินยา บิชอพ นำประสบการณ์จริงของตัวเองเข้ามารณรงค์ร่วมกับมูลนิธิหญิงชายก้าวไกล "
            "เรื่องการคุกคามทางเพศจากเทศกาลสงกรานต์ "
            "และร่วมจัดนิทรรศการรณรงค์ DON’T TELL ME HOW TO DRESS ในปี 2561"
        ),
        "description_en": (
            "Cindy Sirinya Bishop brought her own experience to a campaign with the foundation on sexual "
            "harassment during the Songkran festival. In 2018 she co-organised the campaign exhibition "
            "DON’T TELL ME HOW TO DRESS."
        ),
    },
)
