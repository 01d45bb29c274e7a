import type { CourseMailTexts } from './types.ts';

export const tr: CourseMailTexts = {
  sessions: 'Ders günleri',
  place: 'Yer',
  online: 'Çevrim içi',
  totalHours: 'Toplam saat',
  cancelledMark: 'iptal edildi',
  ownPage: 'Sayfamı aç',
  calendarAttached: 'Ders günleri, takviminize ekleyebileceğiniz bir takvim dosyası (.ics) olarak ektedir.',
  calendarUpdated: 'Ekteki takvim dosyası (.ics), takviminizdeki ders günlerini günceller.',
  reason: 'Neden',
  offer: {
    subject: 'Sizin için bir yer: {course}',
    intro: '“{course}” kursunda sizin için bir yer ayırdık.',
    hold: 'Yer {until} tarihine kadar sizin için ayrılmıştır. Lütfen o zamana kadar kabul edin ya da reddedin – sonra yeri başka birine veririz.',
    accept: 'Kabul et',
    decline: 'Reddet',
    linkNote: 'Bir bağlantıyı açmak henüz hiçbir şeye karar vermez; yalnızca sayfadaki onayınız geçerlidir.',
  },
  approved: {
    subject: '“{programme}” için kaydınız kabul edildi',
    intro: 'Güzel bir haberimiz var: “{programme}” için kaydınız kabul edildi.',
  },
  promoted: {
    subject: 'Bir yer boşaldı: {course}',
    intro:
      '“{course}” kursunda bir yer boşaldı ve bekleme listesinde ilk sıradasınız. Yeri sizin için ayırdık.',
  },
  confirmation: {
    subject: 'Yeriniz kesinleşti: {course}',
    intro: 'Aramızda olmanıza sevindik! “{course}” kursundaki yeriniz kesinleşti.',
    cancelHint:
      'Yine de katılamayacaksanız lütfen yerinizi sayfanızdan bırakın – böylece bekleme listesinden biri yerinizi alabilir.',
  },
  waiting: {
    subject: 'Bekleme listesindesiniz: {course}',
    intro:
      '“{course}” kursu şu anda dolu. Sizi bekleme listesine {position}. sıraya ekledik. Bir yer boşalır boşalmaz e-posta ile bir teklif alacaksınız.',
  },
  expired: {
    subject: 'Ayrılan yerinizin süresi doldu: {course}',
    intro:
      '“{course}” kursu için teklifimize zamanında yanıt vermediniz; bu yüzden yeri başka birine verdik.',
    next: 'Uygun başka bir kurs varsa size sunacağız. Yoksa yeni bir kurs planlanır planlanmaz size yazacağız.',
  },
  noCourse: {
    subject: '{programme} için hazırlık kursunuz',
    intro:
      'Şu anda “{programme}” için boş yeri olan uygun bir kurs planlanmamış. Bir kurs belli olur olmaz size yazacağız. Sizin bir şey yapmanıza gerek yok.',
  },
  reminder: {
    soonSubject: 'Yakında başlıyor: {course}',
    soonIntro: '“{course}” kursu birkaç gün sonra başlıyor. Tüm ders günleri bir kez daha:',
    tomorrowSubject: 'Yarın başlıyor: {course}',
    tomorrowIntro: '“{course}” kursu yarın başlıyor. Sizi görmeyi dört gözle bekliyoruz!',
  },
  sessionCancelled: {
    subject: 'Bir ders iptal edildi: {course}',
    intro: 'Ne yazık ki “{course}” kursunun {old} tarihli dersi iptal edildi.',
  },
  sessionMoved: {
    subject: 'Bir dersin tarihi değişti: {course}',
    intro: '“{course}” kursunun {old} tarihli dersi ertelendi. Yeni tarih: {new}.',
  },
  courseCancelled: {
    subject: 'Kurs iptal edildi: {course}',
    intro: 'Ne yazık ki “{course}” kursu yapılmayacak. Bunun için çok üzgünüz.',
    next: 'Size uygun bir sonraki kursu sunacağız – sizin bir şey yapmanıza gerek yok.',
  },
  seatCancelled: {
    subject: 'Kaydınızın iptali onaylandı: {course}',
    intro:
      '“{course}” kursundaki yerinizi bıraktınız. Bize haber verdiğiniz için teşekkürler – artık başka biri yerinizi alabilir.',
    next: 'Daha sonra başka bir kursa katılmak isterseniz bu e-postayı yanıtlamanız yeterli.',
  },
  certified: {
    subject: 'Tebrikler: {programme} sertifikanız',
    intro: 'Tebrikler! “{course}” kursunu tamamladınız. Sertifikanız PDF olarak ektedir.',
    number: 'Sertifika numarası',
    verifyNote: 'Herkes, örneğin gelecekteki bir işvereniniz, sertifikayı bu bağlantıyla doğrulayabilir:',
    verifyButton: 'Sertifikayı doğrula',
    page: 'Sertifikayı sayfanızdan istediğiniz zaman indirebilirsiniz; dijital belge (Open Badge) olarak da.',
  },
  notCertified: {
    subject: '“{course}” kursunuz',
    intro:
      '“{course}” kursuna katıldığınız için teşekkür ederiz. Ne yazık ki sertifika için birkaç ders eksik.',
    attendance: 'Katılımınız',
    attendanceValue: '{total} dersten {attended} ders (gerekli: %{required})',
    next: 'Sorun değil: Eksikleri tamamlayabilmeniz için bir sonraki kursta size memnuniyetle bir yer sunarız. Yakında bizden haber alacaksınız.',
  },
};
