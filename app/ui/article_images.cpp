#include "ui/article_images.h"

#include "core/search_types.h"

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

namespace fibrokb::app {

void addArticleImages(QTextDocument& document, const fibrokb::Article& article, const QColor& ink, qreal scale,
                      qreal maxWidth, qreal devicePixelRatio)
{
    for (const fibrokb::ArticleImage& image : article.images) {
        if (image.svg.empty())
            continue;  // refused by the engine (check names it): the page shows the alt text's place only
        QByteArray svg = QByteArray::fromStdString(image.svg);
        svg.replace("currentColor", ink.name().toLatin1());
        QSvgRenderer renderer(svg);
        if (!renderer.isValid())
            continue;
        QSizeF size = renderer.defaultSize();
        if (size.isEmpty())
            size = renderer.viewBoxF().size();
        if (size.isEmpty())
            continue;
        size *= qBound<qreal>(0.5, scale, 4.0);
        if (size.width() > maxWidth && maxWidth > 0)
            size *= maxWidth / size.width();
        const qreal ratio = qMax<qreal>(1.0, devicePixelRatio);
        QImage drawn((size * ratio).toSize(), QImage::Format_ARGB32_Premultiplied);
        drawn.fill(Qt::transparent);
        {
            QPainter painter(&drawn);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.render(&painter, QRectF(QPointF(0, 0), size * ratio));
        }
        drawn.setDevicePixelRatio(ratio);
        document.addResource(QTextDocument::ImageResource,
                             QUrl(QStringLiteral("fibrokb-image:") + toQString(image.name)), drawn);
    }
}

}  // namespace fibrokb::app
